"""Rules: each a spec plus a pure check(ctx) -> findings.

The registry (every rule, by code) is tidy.rules.registry; importing it imports every rule
module and what they need, so the scan loads it while its workers measure, not at start-up.
"""
