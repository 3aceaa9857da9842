def log = new File(basedir, 'build.log').text
def digest = new File(basedir, 'target/airlock.digest').text.trim()
assert log.contains("registered payments-api:1.4.2 ${digest}")
assert log.contains("airlock: PROMOTED ${digest.substring(0, 19)} into dev")
assert log =~ /airlock: DENIED: promote payments-api:1.4.2/
assert log.contains('BUILD SUCCESS')
return true
