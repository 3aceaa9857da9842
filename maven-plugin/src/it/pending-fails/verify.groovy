def log = new File(basedir, 'build.log').text
assert log.contains('airlock: PENDING: test-soak: ')
assert log.contains('or set failOnPending=false to pass the build')
assert log.contains('BUILD FAILURE')
return true
