def log = new File(basedir, 'build.log').text
// The configured gate itself answered: a plugin that asked no gates would say the gate is not registered.
assert log.contains('environment variable AIRLOCK_IT_CHANGE_SECRET (the gate\'s secret) is not set')
assert log.contains('airlock: PENDING')
assert log.contains('BUILD FAILURE')
return true
