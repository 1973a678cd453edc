#!/usr/bin/env python3
"""A screenshot of a pactgraph HTML view in headless Chromium, for the README.

usage: screenshot_html.py PAGE.html OUT.png [SEARCH]

With SEARCH, types it in the search box and presses Enter first (the actor is
selected, its neighbourhood highlighted and its details shown).
"""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_html import open_browser, wait_ready  # noqa: E402

if len(sys.argv) not in (3, 4):
    sys.exit(__doc__)
drv = open_browser(1400, 820)
try:
    drv.get(Path(sys.argv[1]).resolve().as_uri())
    if not wait_ready(drv):
        sys.exit("the page did not lay the graph out")
    if len(sys.argv) == 4:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        box = drv.find_element(By.ID, "search")
        box.send_keys(sys.argv[3])
        box.send_keys(Keys.ENTER)
        time.sleep(0.6)
        drv.execute_script("cy.fit(cy.elements().not('.filtered'), 20)")
        time.sleep(0.3)
    drv.save_screenshot(sys.argv[2])
finally:
    drv.quit()
