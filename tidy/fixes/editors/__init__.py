"""Editor and search-tool files tidy edits for TDY502: VS Code settings (vscode.py, JSONC with
comments kept) and the plain exclude files of ripgrep, AI editors and pyright (excludes.py)."""
