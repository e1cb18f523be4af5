#!/usr/bin/env python3
"""tracker ui in a real browser: headless Chromium driven through chromedriver.

While `tracker run GRID --jobs 2` trains into a database, the dashboard serves it; the
browser changes the Compare page's group key and sees the new rows, watches a running
run's page gain an epoch without reloading, and screenshots every page, each checked to
be neither blank nor out of its layout. Needs the built tracker (.build/debug), Debian's
chromium and chromium-driver, selenium from PyPI and MNIST under $TRACKER_DATA.
Screenshots go to $UI_SCREENSHOTS (default: a temporary folder, printed).
"""
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRACKER = os.path.join(ROOT, ".build", "debug", "tracker")
GRID = """name: browser
description: A small grid the browser test watches train
base: {train-limit: 1000, batch-size: 100}
grid:
  - {hidden: "16", activation: [relu, tanh], epochs: 2}
  - {hidden: "32", activation: [relu, tanh], epochs: 100}
"""


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


# How long a page may take to show what a click or a load asked for. Generous because the
# machine running the tests may be busy (a load average of 8 has taken over 15 s); polling
# returns as soon as the page is right, so a passing run waits no longer for it.
PAGE_SECONDS = 60


def wait_for(what, test, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = test()
        if value:
            return value
        time.sleep(0.1)
    fail("timed out waiting for " + what)


def pixels(path):
    """The distinct colours of an 8-bit RGB(A) PNG, decoded with the standard library."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    offset, idat, header = 8, b"", None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunk = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        offset += 12 + length
    width, height, depth, colour = header[0], header[1], header[2], header[3]
    assert depth == 8 and colour in (2, 6), header
    size = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * size
    rows, previous, position = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[position], bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            a = line[i - size] if i >= size else 0
            b, c = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    colours = set()
    for line in rows[::4]:
        for i in range(0, stride, size * 4):
            colours.add(line[i:i + 3])
    return width, height, colours


def main():
    data = os.environ.get("TRACKER_DATA")
    if not data or not os.path.isdir(os.path.join(data, "mnist")):
        message = "the browser test trains on MNIST: set TRACKER_DATA to a folder holding mnist/"
        if os.environ.get("CI") == "true":
            fail(message)
        print("skipped: " + message)
        return
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    work = tempfile.mkdtemp(prefix="tracker-browser-")
    shots = os.environ.get("UI_SCREENSHOTS") or os.path.join(work, "screenshots")
    os.makedirs(shots, exist_ok=True)
    db, grid = os.path.join(work, "t.db"), os.path.join(work, "grid.yaml")
    open(grid, "w").write(GRID)
    env = dict(os.environ, TRACKER_DATA=data)
    trainer = subprocess.Popen([TRACKER, "run", grid, "--jobs", "2", "--db", db], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ui = None
    driver = None
    try:
        wait_for("the grid's first epoch", lambda: os.path.exists(db) and has_epoch(db), 120)
        ui = subprocess.Popen([TRACKER, "ui", "--db", db, "--port", "0"], stdout=subprocess.PIPE, text=True)
        line = ui.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if not match:
            fail("tracker ui printed no address: " + repr(line))
        base = match.group(0).rstrip("/")
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1280,1000"]:
            options.add_argument(argument)
        options.binary_location = "/usr/bin/chromium"
        try:
            driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        except Exception as error:  # the browser must start, in CI above all
            fail("headless Chromium did not start: " + str(error).splitlines()[0])
        compare(driver, base, shots)
        live_run(driver, base, shots)
        screenshots(driver, base, shots)
        print("browser test passed; screenshots in " + shots)
    finally:
        if driver:
            driver.quit()
        for process in (ui, trainer):
            if process and process.poll() is None:
                process.terminate()
                process.wait(30)


def has_epoch(db):
    result = subprocess.run([TRACKER, "runs", "--db", db, "--status", "running", "--format", "json"],
                            capture_output=True, text=True)
    return result.returncode == 0 and '"epochs_done":' in result.stdout and '"epochs_done":0' not in result.stdout


def rows(driver):
    from selenium.webdriver.common.by import By
    return [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in driver.find_elements(By.CSS_SELECTOR, "table.compare tbody tr")]


def steady(read):
    """`read()` again while a live refresh replaces the elements it reads."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    for _ in range(50):
        try:
            return read()
        except (StaleElementReferenceException, NoSuchElementException):
            time.sleep(0.1)
    fail("the page never held still")


def first_cells(driver):
    from selenium.common.exceptions import StaleElementReferenceException
    try:
        return [row[0] for row in rows(driver)]
    except StaleElementReferenceException:
        return None


def compare(driver, base, shots):
    from selenium.webdriver.common.by import By
    wait_for("the short trials to complete", lambda: urllib.request.urlopen(
        base + "/api/compare?group=activation&experiment=browser").read().count(b'"runs":') == 2, 180)
    driver.get(base + "/compare?group=activation&experiment=browser")
    wait_for("rows grouped by activation", lambda: sorted(first_cells(driver) or []) == ["relu", "tanh"], PAGE_SECONDS)
    click(driver, "input[name=group][value=activation]")
    wait_for("the page grouped by nothing", lambda: "group=activation" not in driver.current_url, PAGE_SECONDS)
    click(driver, "input[name=group][value=architecture]")
    wait_for("rows grouped by architecture", lambda: first_cells(driver) == ["16"], PAGE_SECONDS)
    command = steady(lambda: driver.find_element(By.ID, "cli").text)
    if "tracker compare --group architecture" not in command:
        fail("the command line shown is " + repr(command))
    save(driver, shots, "compare", "table.compare")


def click(driver, selector):
    """Clicks, again if a live refresh replaced the element first."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    def attempt():
        try:
            driver.find_element(By.CSS_SELECTOR, selector).click()
            return True
        except StaleElementReferenceException:
            return False
    wait_for("a click on " + selector, attempt, PAGE_SECONDS)


def live_run(driver, base, shots):
    from selenium.webdriver.common.by import By
    listing = urllib.request.urlopen(base + "/api/runs?status=running&limit=1").read().decode()
    match = re.search(r'"id":(\d+)', listing)
    if not match:
        fail("no running run to watch")
    driver.get(base + "/runs/" + match.group(1))
    driver.execute_script("window.notReloaded = true")
    def epochs():
        return steady(lambda: int(driver.find_element(By.ID, "epoch-count").text.split()[0]))
    start = epochs()
    wait_for("a new epoch on the page", lambda: epochs() > start, 60)
    if driver.execute_script("return window.notReloaded") is not True:
        fail("the run page reloaded instead of updating")
    save(driver, shots, "run", "table.fields")


def screenshots(driver, base, shots):
    ids = re.findall(r'"id":(\d+)', urllib.request.urlopen(base + "/api/runs?limit=2").read().decode())
    pages = [("experiments", "/", "main table"), ("runs", "/runs", "table.runs"),
             ("diff", "/diff?runs=" + ",".join(ids), "table.diff"), ("report", "/report", "h1")]
    for name, path, selector in pages:
        driver.get(base + path)
        save(driver, shots, name, selector)


def save(driver, shots, name, selector):
    from selenium.webdriver.common.by import By
    rect = steady(lambda: driver.find_element(By.CSS_SELECTOR, selector).rect)
    if rect["width"] < 200 or rect["y"] < 20 or rect["y"] > 900:
        fail("%s: %s is out of place at %r" % (name, selector, rect))
    if name != "report":
        header = driver.find_element(By.TAG_NAME, "header").rect
        if header["y"] > 5 or header["width"] < 1000:
            fail("%s: the navigation bar is at %r" % (name, header))
    path = os.path.join(shots, name + ".png")
    driver.save_screenshot(path)
    width, height, colours = pixels(path)
    if len(colours) < 8:
        fail("%s: the screenshot has %d colours: blank" % (name, len(colours)))
    print("%s: %dx%d, %d colours, %s at %r" % (path, width, height, len(colours), selector, rect))


if __name__ == "__main__":
    main()
