def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] airlock: PENDING: test-soak: ')
assert log.contains('airlock reconcile')
assert log.contains('BUILD SUCCESS')
return true
