"""One closing line for `environment/kit test`: JUnit results (surefire reports) and notebook runs together."""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET


def main(reports, runs):
    tests = failed = skipped = 0
    for f in glob.glob(os.path.join(reports, "TEST-*.xml")):
        s = ET.parse(f).getroot()
        tests += int(s.get("tests", 0))
        failed += int(s.get("failures", 0)) + int(s.get("errors", 0))
        skipped += int(s.get("skipped", 0))
    nb = json.load(open(runs)) if os.path.isfile(runs) else []
    nb_failed = sum(1 for r in nb if not r["ok"])
    print("unit tests: %d passed, %d failed, %d skipped" % (tests - failed - skipped, failed, skipped))
    print("notebooks: %d passed, %d failed" % (len(nb) - nb_failed, nb_failed))
    print("kit test: %d passed, %d failed, %d skipped" % (tests - failed - skipped + len(nb) - nb_failed, failed + nb_failed, skipped))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
