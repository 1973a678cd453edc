#!/usr/bin/env python3
"""Checks pactgraph's HTML view in a real browser (headless Chromium, driven
by selenium through chromedriver).

usage: check_html.py PAGE.html GRAPH.json SCREENSHOT.png

PAGE.html is `pactgraph extract tests/corpus/docs --format html`, GRAPH.json
the node-link JSON of the same run (the reference). Checks:

- the page loads, lays the graph out, and logs no console error;
- the node count in the page equals the graph's (and the header says so);
- typing an alias in the search box and pressing Enter selects that actor;
- unticking "planned" in the status filter hides every planned agreement and
  nothing else, and ticking it again shows them;
- clicking an agreement node on the canvas shows its evidence sentence, with
  its document, in the details panel;
- nothing is fetched from the network.

A screenshot goes to SCREENSHOT.png. Exits 0 when all pass, 1 listing the
failures, 2 when selenium, chromium or chromedriver is missing (nothing is
skipped).
"""

import json
import shutil
import sys
import time
from pathlib import Path

FAILURES = []


def die(msg, code=2):
    print(f"check_html: error: {msg}", file=sys.stderr)
    sys.exit(code)


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def browser_paths():
    """Debian's chromium and chromium-driver, or what PATH has."""
    chrome = next((p for p in ("chromium", "chromium-browser", "google-chrome") if shutil.which(p)), None)
    driver = shutil.which("chromedriver")
    if not chrome or not driver:
        die("chromium and chromedriver are needed: apt-get install chromium chromium-driver "
            "(scripts/test.sh installs them)")
    return shutil.which(chrome), driver


def open_browser(width=1400, height=900):
    """A headless Chromium with console logging on."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        die("the selenium module is missing: pip install -r tests/consumers/requirements.txt")
    chrome, driver = browser_paths()
    opts = webdriver.ChromeOptions()
    opts.binary_location = chrome
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
              f"--window-size={width},{height}", "--hide-scrollbars"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=opts)


def wait_ready(drv, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        if drv.execute_script("return document.body && document.body.getAttribute('data-ready') === '1'"):
            return True
        time.sleep(0.1)
    return False


def main():
    if len(sys.argv) != 4:
        die("usage: check_html.py PAGE.html GRAPH.json SCREENSHOT.png")
    page, graph, shot = (Path(a).resolve() for a in sys.argv[1:])
    for p in (page, graph):
        if not p.is_file():
            die(f"{p}: not found")
    g = json.loads(graph.read_text(encoding="utf-8"))
    nodes = {n["id"]: n for n in g["nodes"]}
    planned = sorted(i for i, n in nodes.items() if n.get("status") == "planned")
    if not planned:
        die(f"{graph}: no planned agreement to filter; the check would prove nothing")

    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.action_chains import ActionChains

    drv = open_browser()
    try:
        drv.get(page.as_uri())
        check(wait_ready(drv), "the page lays the graph out (data-ready)")
        stats = drv.execute_script("return window.pactgraphStats")
        print(f"     first layout: {stats}")

        # node count
        count = drv.execute_script("return cy.nodes().length")
        check(count == len(nodes), f"the page has {count} nodes, the graph {len(nodes)}")
        ids = set(drv.execute_script("return cy.nodes().map(function (n) { return n.id(); })"))
        check(ids == set(nodes), "the page's node ids are the graph's")
        header = drv.find_element(By.ID, "counts")
        check(header.get_attribute("data-nodes") == str(len(nodes)) and f"all {len(nodes)} nodes shown" in header.text,
              f"the header counts every node: {header.text!r}")

        # search by an alias that is not the label
        jogmec = nodes.get("actor:jogmec")
        alias = next((a for a in jogmec["aliases"] if a != jogmec["label"] and len(a) > 8), None) if jogmec else None
        check(alias is not None, f"JOGMEC has a long alias to search for: {alias!r}")
        box = drv.find_element(By.ID, "search")
        box.send_keys(alias or "JOGMEC")
        first = drv.find_element(By.CSS_SELECTOR, "#results li")
        check(first.get_attribute("data-id") == "actor:jogmec", f"the first result for {alias!r} is JOGMEC")
        box.send_keys(Keys.ENTER)
        time.sleep(0.4)
        selected = drv.execute_script("return cy.$(':selected').map(function (n) { return n.id(); })")
        check(selected == ["actor:jogmec"], f"Enter selects JOGMEC: {selected}")
        details = drv.find_element(By.ID, "details").text
        check("JOGMEC" in details and "partners" in details.lower(), "the details panel shows JOGMEC and its partners")

        # the status filter
        def hidden(i):
            return drv.execute_script("return cy.getElementById(arguments[0]).hasClass('filtered')", i)
        drv.find_element(By.ID, "status-planned").click()
        time.sleep(0.2)
        check(all(hidden(i) for i in planned), f"unticking 'planned' hides the {len(planned)} planned agreements")
        others = [i for i, n in nodes.items() if n["kind"] == "agreement" and n["status"] != "planned"]
        check(not any(hidden(i) for i in others), "and no other agreement")
        check(drv.find_element(By.ID, "counts").get_attribute("data-shown") != str(len(nodes)),
              "the header counts fewer nodes shown")
        drv.find_element(By.ID, "status-planned").click()
        time.sleep(0.2)
        check(not any(hidden(i) for i in planned), "ticking it again shows them")

        # click an agreement on the canvas
        agreement = next(i for i, n in sorted(nodes.items())
                         if n["kind"] == "agreement" and n.get("evidence"))
        sentence = " ".join(nodes[agreement]["evidence"][0]["text"].split())
        doc = nodes[agreement]["evidence"][0]["doc"]
        drv.execute_script(
            "cy.elements().removeClass('faded'); cy.$(':selected').unselect();"
            "cy.zoom(2); cy.center(cy.getElementById(arguments[0]));", agreement)
        time.sleep(0.3)
        pos = drv.execute_script(
            "var p = cy.getElementById(arguments[0]).renderedPosition(); return [p.x, p.y];", agreement)
        canvas = drv.find_element(By.ID, "cy")
        rect = canvas.rect
        ActionChains(drv).move_to_element_with_offset(
            canvas, int(pos[0] - rect["width"] / 2), int(pos[1] - rect["height"] / 2)).click().perform()
        time.sleep(0.4)
        details = " ".join(drv.find_element(By.ID, "details").text.split())
        check(sentence in details, f"clicking {agreement} shows its evidence sentence: {sentence[:60]!r}...")
        check(doc in details, f"with its document {doc}")
        marks = drv.find_elements(By.CSS_SELECTOR, "#details mark.actor.party")
        check(len(marks) >= 1, f"the parties in the sentence are marked ({len(marks)})")

        # layout choice and PNG export run without error
        drv.execute_script("cy.fit()")
        png = drv.execute_script("return cy.png({full: true}).slice(0, 22)")
        check(png == "data:image/png;base64,", "cy.png() exports the view")

        drv.save_screenshot(str(shot))
        check(shot.is_file() and shot.stat().st_size > 10000, f"screenshot written to {shot}")

        logs = drv.get_log("browser")
        errors = [e for e in logs if e.get("level") == "SEVERE"]
        check(not errors, f"no console error: {errors}")
        requests = []
        for e in drv.get_log("performance"):
            m = json.loads(e["message"])["message"]
            if m.get("method") == "Network.requestWillBeSent":
                url = m["params"]["request"]["url"]
                if not url.startswith(("file:", "data:", "blob:")):
                    requests.append(url)
        check(not requests, f"nothing fetched from the network: {requests}")
    finally:
        drv.quit()

    if FAILURES:
        print(f"check_html: {len(FAILURES)} failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
