"""A real browser on the phones' page: Debian's chromium and chromium-driver through Selenium, at a phone's
360 px, cast a vote and press Next, and the room shows both; the page reconnects by itself after losing
its socket. Skipped when either is missing.

Selenium runs on a thread of its own, so the room keeps answering on the Qt thread while the browser
waits for the page (each wait is for something on the page, never a fixed time). With PHONE_SHOTS=DIR
the pages are also saved there as phone-*.png.
"""

from __future__ import annotations

import os
import shutil
import threading
from concurrent.futures import Future
from pathlib import Path

import pytest

from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.services.room_state_reply import state_reply
from customer_room_desktop.storage import focus


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium (pip install selenium)")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                                   reason="needs chromium and chromium-driver (Debian packages)")]

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as shown  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

PHONE = {"width": 360, "height": 740, "pixelRatio": 2.0}


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": PHONE})
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)


def in_thread(work) -> Future:
    done: Future = Future()

    def run() -> None:
        try:
            done.set_result(work())
        except BaseException as error:  # noqa: BLE001 - handed to the test, which raises it
            done.set_exception(error)

    threading.Thread(target=run, daemon=True).start()
    return done


def shoot(driver, name: str, folder: Path) -> None:
    """The whole page as a 360 px wide phone shows it."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 360, "height": max(740, height), "deviceScaleFactor": 2, "mobile": True})
    driver.save_screenshot(str(folder / f"phone-{name}.png"))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})


def test_a_vote_and_next_through_the_page_at_360_px(live, bridge, qtbot, tmp_path):  # noqa: F811
    shots = Path(os.environ.get("PHONE_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    live.send(cmd.StartSession())
    bridge.start("127.0.0.1")
    bridge.open_vote()
    leaders, remote, pin = bridge.leaders_url, bridge.facilitator_url, bridge.pin

    def use_the_page() -> dict:
        driver = browser()
        wait = WebDriverWait(driver, 20, poll_frequency=0.05)
        try:
            driver.get(leaders)
            wait.until(shown.element_to_be_clickable((By.XPATH, "//ul[@id='name-list']//button[.='Ruth Adeyemi']")))
            width = driver.execute_script("return document.documentElement.clientWidth")
            wide = driver.execute_script("return document.documentElement.scrollWidth")
            shoot(driver, "names", shots)
            driver.find_element(By.XPATH, "//ul[@id='name-list']//button[.='Ruth Adeyemi']").click()
            wait.until(shown.visibility_of_element_located((By.ID, "ballot")))
            first = driver.find_elements(By.CSS_SELECTOR, "#candidates .candidate-title")[0].text
            for _ in range(2):
                driver.find_element(By.CSS_SELECTOR, f"button[aria-label='One dot more on {first}']").click()
            wait.until(shown.text_to_be_present_in_element((By.ID, "dots-left"), "1 of 3 dots left"))
            driver.find_element(By.ID, "save").click()
            wait.until(shown.text_to_be_present_in_element((By.ID, "saved-state"), "Your dots are saved."))
            shoot(driver, "ballot", shots)

            driver.switch_to.new_window("tab")
            driver.get(remote)
            wait.until(shown.visibility_of_element_located((By.ID, "pin")))
            shoot(driver, "pair", shots)
            driver.find_element(By.ID, "pin").send_keys(pin)
            driver.find_element(By.ID, "pair-button").click()
            wait.until(shown.visibility_of_element_located((By.ID, "remote")))
            driver.find_element(By.ID, "next").click()
            wait.until(shown.text_to_be_present_in_element((By.ID, "stage-now"), "2 ·"))
            shoot(driver, "remote", shots)

            restart_wanted.set()  # the laptop turns the phones off and on, as a sleeping phone loses its socket
            wait.until(shown.text_to_be_present_in_element((By.ID, "status"), "Reconnecting"))
            assert restarted.wait(20)
            wait.until(shown.text_to_be_present_in_element((By.ID, "status"), "Connected"))
            wait.until(shown.visibility_of_element_located((By.ID, "remote")))  # still paired: no PIN asked
            driver.find_element(By.ID, "next").click()
            wait.until(shown.text_to_be_present_in_element((By.ID, "stage-now"), "3 ·"))
            return {"first": first, "width": width, "scroll_width": wide}
        finally:
            driver.quit()

    restart_wanted, restarted = threading.Event(), threading.Event()
    done = in_thread(use_the_page)
    qtbot.waitUntil(lambda: restart_wanted.is_set() or done.done(), timeout=90_000)
    if restart_wanted.is_set():
        port = bridge.server.port
        bridge.stop()
        bridge.start("127.0.0.1", port)
        restarted.set()
    qtbot.waitUntil(done.done, timeout=90_000)
    page = done.result()
    assert page["width"] == 360 and page["scroll_width"] <= 360  # nothing wider than the phone
    state = state_reply(live.state)
    assert state["stage"]["number"] == 3
    key = live.engine.room.db.execute("SELECT key FROM priorities WHERE title = ?", (page["first"],)).fetchone()[0]
    assert focus.votes_by_leader(live.engine.room, live.state.session.id) == {"Ruth Adeyemi": {key: 2}}
    assert bridge.vote_progress().line == "1 of 9 has voted"
