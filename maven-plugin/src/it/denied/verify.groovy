def log = new File(basedir, 'build.log').text
assert log.contains('airlock: DENIED ')
assert log =~ /builtin:no-skipping\s+.*DENIES/
assert log.contains('BUILD FAILURE')
return true
