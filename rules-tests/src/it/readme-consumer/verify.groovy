// The snippet scored every assessment of the example province: one line "agency (assessor): total rating" each.
def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines().findAll { it ==~ /[A-Z0-9-]+ \([A-Z]+\): \d+(\.\d+)? [A-Z_]+/ }
assert lines.size() > 250 : "expected a line per assessment of the example province, found ${lines.size()}"
assert log.contains('[INFO] BUILD SUCCESS')
return true
