def log = new File(basedir, 'build.log').text
assert log.contains('airlock: skipped (airlock.skip)')
assert !new File(basedir, 'target/airlock.digest').exists()
assert log.contains('BUILD SUCCESS')
return true
