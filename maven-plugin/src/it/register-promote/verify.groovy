def log = new File(basedir, 'build.log').text
def digest = new File(basedir, 'target/airlock.digest').text.trim()
assert digest ==~ /sha256:[0-9a-f]{64}/
// Provenance from the CI variables, never typed in.
assert log.contains("registered register-promote:1.0.0 ${digest} (github.com/acme/payments@9f1c2e7aa0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5, " +
        "build github:4242/1, builder github-actions:acme/payments/.github/workflows/release.yml@refs/heads/main)")
def shortForm = digest.substring(0, 'sha256:'.length() + 12)
assert log.contains("airlock: PROMOTED ${shortForm} into dev")
assert log.contains("airlock: VERIFIED ${shortForm} in dev")
assert log.contains("airlock: PROMOTED ${shortForm} into test")
return true
