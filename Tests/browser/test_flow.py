#!/usr/bin/env python3
"""The staff page in a real browser (headless Debian chromium through chromium-driver).

Walks the whole flow as a new user would (issue #14, criterion 7): an empty national-form plan,
the 意向 error until it is filled, two supports, the preview, the downloaded PDF read back with
pdftotext; a 勧奨 then a 措置 found in the 発番簿, a 措置 without a 勧奨 refused, a voided
notice shown as 取消; a meeting packet of two cases; screenshots at 1280 and 768 px in
out/screenshots/. Starts `yorisoi serve` itself on a free loopback port with a temporary --data.

Run: python3 Tests/browser/test_flow.py  (after `swift build`; YORISOI_BIN overrides the binary)
"""
import json
import re
import os
import pathlib
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHOTS = ROOT / "out" / "screenshots"
WAIT = 30  # seconds a step may take on a loaded CI machine (not a timing assertion)

CHILD_NAME = "試験 はると"
GUARDIAN_NAME = "試験 みどり"
INTENT = "産後の家事を手伝ってほしい。"
APPROVER = "決裁 太郎"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def binary():
    if os.environ.get("YORISOI_BIN"):
        return os.environ["YORISOI_BIN"]
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True)
    return str(pathlib.Path(out.stdout.strip()) / "yorisoi")


class Server:
    """`yorisoi serve` on a free loopback port. Without accounts every route needs the local
    token: it is read from DATA/local-token (written at start, 0600), and the browser opens
    `/login?token=…` first (`signed_in_url`), which sets the session cookie and goes on to `/`."""

    def __init__(self):
        self.data = tempfile.mkdtemp(prefix="yorisoi-web-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(self.data, "..", f"yorisoi-web-{self.port}.log"), "w")
        self.proc = subprocess.Popen([binary(), "serve", "--host", "127.0.0.1", "--port", str(self.port),
                                      "--data", self.data], cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("yorisoi serve did not start; see " + self.log.name)
            time.sleep(0.2)
        self.token = (pathlib.Path(self.data) / "local-token").read_text().strip()

    @property
    def signed_in_url(self):
        return f"{self.base}/login?token={self.token}"

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


def chrome(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=ja-JP", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads, "download.prompt_for_download": False,
        "plugins.always_open_pdf_externally": False, "intl.accept_languages": "ja-JP,ja"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


class PageFlow(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        SHOTS.mkdir(parents=True, exist_ok=True)
        cls.server = Server()
        cls.downloads = tempfile.mkdtemp(prefix="yorisoi-dl-")
        cls.d = chrome(cls.downloads)
        # Sign in as the local user once: the cookie then carries every later page load.
        cls.d.get(cls.server.signed_in_url)

    @classmethod
    def tearDownClass(cls):
        cls.d.quit()
        cls.server.stop()
        shutil.rmtree(cls.server.data, ignore_errors=True)
        shutil.rmtree(cls.downloads, ignore_errors=True)

    def setUp(self):
        # Each test starts from a page with nothing pending: a test that failed half-way must not
        # leave an unsaved edit whose leave-question (beforeunload) or open dialog blocks the next.
        try:
            self.d.switch_to.alert.dismiss()
        except Exception:
            pass
        self.d.execute_script("if (window.yorisoiPage) { yorisoiPage.state.dirty = false; }")

    # ---- helpers ----
    def wait(self, condition, timeout=WAIT, message=""):
        # A list the page redraws (after a save, a void) may replace an element mid-check.
        try:
            return WebDriverWait(self.d, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(condition, message)
        except TimeoutException:
            # Say where: the screen as it stood, and the page's own signals, beside the failure.
            shot = SHOTS / f"FAILED-{self._testMethodName}.png"
            self.d.save_screenshot(str(shot))
            signals = self.d.execute_script(
                "const s = document.documentElement.dataset; return JSON.stringify({route: s.route, busy: s.busy, "
                "checking: s.checking, draft: s.draft, dialogs: [...document.querySelectorAll('dialog[open]')].map(d => d.id)})")
            raise TimeoutException(f"{message} — page signals {signals}; screen in {shot}")

    def find(self, css):
        return self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, css)), message=css)

    def visible(self, css):
        return self.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, css)), message=css)

    def quiet(self, message=""):
        """Waits for the page's own signal that no validation or preview is scheduled or in flight
        (data-checking): its result shows or hides the error summary above the form, and a click
        aimed while the form is about to shift can land beside its button. (Views being rebuilt
        are waited for with settled(); a dialog's buttons are clicked while its operation runs.)"""
        self.wait(lambda d: d.execute_script("return (document.documentElement.dataset.checking || '0') === '0'"),
                  message="page quiet " + message)

    def click(self, css):
        self.quiet("before clicking " + css)
        e = self.wait(EC.element_to_be_clickable((By.CSS_SELECTOR, css)), message=css)
        self.d.execute_script("arguments[0].scrollIntoView({block:'center'})", e)
        e.click()
        return e

    def type(self, css, text, clear=True):
        e = self.visible(css)
        self.d.execute_script("arguments[0].scrollIntoView({block:'center'})", e)
        if clear:
            e.clear()
        e.send_keys(text)
        return e

    def status_el(self):
        """Where the page says a result: beside the editor's actions when a case is open, else the
        status line under the menu."""
        near = self.d.find_elements(By.ID, "action-result")
        return near[0] if near else self.d.find_element(By.ID, "status")

    def status_text(self):
        try:
            return self.status_el().text
        except StaleElementReferenceException:
            return ""

    def api(self, method, path, body=None):
        """A request as another client of the same server would make it (the local token)."""
        req = urllib.request.Request(self.server.base + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": "Bearer " + self.server.token,
                                              "Content-Type": "application/json", "Accept": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.loads(r.read() or b"null")

    def draft_saved(self):
        self.wait(lambda d: d.execute_script("return document.documentElement.dataset.draft") == "saved",
                  message="draft on the server")

    def summary_text(self):
        return self.d.execute_script("const s=document.getElementById('summary');return s&&!s.hidden?s.innerText:''")

    def wait_summary(self, predicate, message):
        self.wait(lambda d: predicate(self.summary_text()), message=message + " — summary: " + self.summary_text())

    def shot(self, name, width):
        self.d.set_window_size(width, 1000)
        time.sleep(0.3)  # let the layout settle after the resize before the picture (not an assertion)
        self.d.save_screenshot(str(SHOTS / f"{name}-{width}.png"))

    def storage_is_empty(self):
        return self.d.execute_script(
            "return window.localStorage.length + window.sessionStorage.length") == 0

    def settled(self, message=""):
        """Waits for the page's own signal that nothing is rebuilding it (<html data-busy="0">):
        an element found after this is not replaced by a route, a save or a form switch still
        under way."""
        self.wait(lambda d: d.execute_script("return document.documentElement.dataset.busy") == "0",
                  message="page settled " + message)

    def go(self, hash_):
        # The marker names the view the page last finished routing to; cleared first, so the old
        # view (a hash change routes asynchronously) is never taken for the new one.
        self.d.execute_script("delete document.documentElement.dataset.route")
        self.d.get(self.server.base + "/" + hash_)
        self.wait(lambda d: d.execute_script("return document.documentElement.dataset.route") == hash_,
                  message="routed to " + hash_)
        self.settled(hash_)
        self.find("#page-title")

    def new_plan(self, municipality="990019"):
        self.go("#/cases/new")
        Select(self.find("#new-municipality")).select_by_value(municipality)
        self.click("#new-start")
        self.settled("new form")
        self.find("#case-form")

    def fill_plan(self, case_id, supports):
        self.type("#f-id", case_id)
        Select(self.find("#f-category")).select_by_visible_text("要支援児童")
        self.type("#f-created", "令和7年1月20日")
        self.wait(lambda d: d.find_element(By.ID, "f-created-wareki").text == "令和7年1月20日")
        self.type("#f-child-name", CHILD_NAME)
        self.type("#f-child-birthdate", "2024-08-20")
        self.click("#f-guardians-add")
        self.type("#f-guardians-0-name", GUARDIAN_NAME)
        self.click("#f-plan-issues-add")
        self.type("#f-plan-issues-0-text", "産後に家事を手伝う人がいない。")
        for i, (service, content) in enumerate(supports):
            self.click("#f-plan-supports-add")
            self.type(f"#f-plan-supports-{i}-service", service)
            self.type(f"#f-plan-supports-{i}-content", content)
            self.type(f"#f-plan-supports-{i}-frequency", "月2回")
        self.type("#f-plan-worries-child", "夜に何度も起きる。")
        self.type("#f-plan-wishes-guardian", "家族で出かけたい。")
        self.click("#f-consent-agreed")
        self.type("#f-plan-review", "令和7年7月")
        self.type("#f-staff-maternal_health-name", "見本 保子")

    def save(self):
        self.d.execute_script("for (const id of ['status','action-result']) { const e = document.getElementById(id); if (e) e.textContent = ''; }")
        self.click("#save")
        self.wait(lambda d: "保存しました" in self.status_text(), message="save: " + self.status_text())
        self.settled("after save")     # the saved case is reopened: wait until the new form stands
        self.find("#version-list")

    CONTRAST_SCRIPT = """
    function rgba(c) { const p = c.match(/rgba?\\(([^)]+)\\)/)[1].split(',').map(parseFloat); return p.length > 3 ? p : p.concat([1]); }
    function lum(p) { const [r, g, b] = p.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                      return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
    function background(el) {            // the first opaque background up the tree (white at the top)
      for (; el; el = el.parentElement) { const p = rgba(getComputedStyle(el).backgroundColor); if (p[3] > 0.99) return p; }
      return [255, 255, 255, 1];
    }
    const low = [];
    for (const el of document.querySelectorAll('body *')) {
      if (!el.getClientRects().length || el.closest('[hidden], dialog:not([open])')) continue;
      if (el.matches(':disabled') || el.closest(':disabled')) continue;   // inactive controls are exempt (WCAG 1.4.3)
      if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0) continue;
      const f = lum(rgba(cs.color)), b = lum(background(el));
      const ratio = (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05);
      if (ratio < 4.5) low.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + ratio.toFixed(2) + ' «' + el.textContent.trim().slice(0, 20) + '»');
    }
    return low;
    """

    AXE_SCRIPT = """
    const done = arguments[arguments.length - 1];
    // The preview frame holds the PDF viewer, not the page's markup: axe is kept out of frames.
    axe.run(document, {iframes: false, runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
      .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                                      + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join('; '))))
      .catch(e => done(['axe failed: ' + e]));
    """

    def check_axe(self, where):
        """axe-core (the copy bundled in axe-selenium-python) finds no WCAG 2 A/AA violation on
        the screen as it stands."""
        Axe(self.d).inject()
        self.d.set_script_timeout(120)   # a long form takes a while on a loaded machine (not an assertion)
        self.assertEqual(self.d.execute_async_script(self.AXE_SCRIPT), [], f"axe-core on {where}")

    def check_reflow(self, where):
        """WCAG 1.4.10: at 320 CSS px the page does not scroll sideways (a wide table scrolls in
        its own region)."""
        size = self.d.get_window_size()
        self.d.set_window_size(320, 800)
        try:
            self.wait(lambda d: d.execute_script("return innerWidth") <= 340, message="narrow window")
            over = self.d.execute_script("return document.documentElement.scrollWidth - innerWidth")
            self.assertLessEqual(over, 0, f"{where} scrolls sideways at 320 px")
        finally:
            self.d.set_window_size(size["width"], size["height"])

    def check_contrast_and_focus(self, where):
        """JIS X 8341-3 (AA): every visible text has a contrast of at least 4.5:1 against its
        background, and the control that has keyboard focus shows it."""
        self.check_axe(where)
        self.check_reflow(where)
        # A value the script failed to fill shows as a programmer's word.
        words = set(re.findall(r"\b(null|undefined|NaN|\[object Object\])\b", self.d.find_element(By.ID, "main").text))
        self.assertEqual(words, set(), f"programmer's words on {where}")
        low = self.d.execute_script(self.CONTRAST_SCRIPT)
        self.assertEqual(low, [], f"text below 4.5:1 on {where}")
        # Start from the top of the page: a PDF just shown may hold the keyboard inside its frame,
        # where Tab moves through the viewer, not the page.
        self.d.execute_script("window.focus(); document.getElementById('main').focus(); window.scrollTo(0, 0);")
        body = self.d.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        for _ in range(3):
            style = self.d.execute_script(
                "const e = document.activeElement, s = getComputedStyle(e);"
                "return [e.tagName, s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow];")
            if style[0] != "BODY":
                break
            self.d.switch_to.active_element.send_keys(Keys.TAB)
        tag, outline, width, shadow = style
        self.assertNotEqual(tag, "BODY", f"Tab reaches a control on {where}")
        self.assertTrue((outline != "none" and width >= 2) or shadow != "none",
                        f"focus is visible on {where}: {tag} outline {outline} {width}px, shadow {shadow}")

    def report_preview_latency(self):
        """Prints how long the preview takes to follow an edit (debounce, validate, render, show).
        A figure for the README and the notes, not an assertion: speed is measured, not tested."""
        samples = []
        field = self.find("#f-plan-wishes-child")
        for n in range(5):
            before = self.find("#download").get_attribute("href")
            field.send_keys("。")
            start = time.monotonic()
            self.wait(lambda d: d.find_element(By.ID, "download").get_attribute("href") != before, message="preview follows")
            samples.append((time.monotonic() - start) * 1000)
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(Keys.DELETE)      # an input event, as a user emptying the field sends
        self.wait(lambda d: "プレビューを更新しました" in d.find_element(By.ID, "preview-state").text, message="preview settles")
        print(f"\npreview after an edit: median {sorted(samples)[2]:.0f} ms, max {max(samples):.0f} ms "
              f"(300 ms of it is the typing debounce)", file=sys.stderr)

    def download(self, expect_name, button="#download"):
        for f in pathlib.Path(self.downloads).glob("*"):
            f.unlink()
        self.click(button)
        target = pathlib.Path(self.downloads) / expect_name
        self.wait(lambda d: target.exists() and not list(pathlib.Path(self.downloads).glob("*.crdownload")),
                  message="download " + expect_name)
        return target

    def pdftotext(self, path):
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout

    def switch_to_notice(self, kind):
        """The first click on an issue button swaps the form for the notice's fields."""
        self.click(f"#issue-{kind}")
        self.settled("form switched to " + kind)
        self.find(f"#f-{kind}-date")

    def issue(self, kind):
        self.click(f"#issue-{kind}")
        self.visible("#confirm-dialog[open]")
        self.click("#confirm-ok")

    def confirm_again(self, label):
        """A second question after the first was answered (the server asked for 決裁)."""
        self.wait(lambda d: d.find_element(By.ID, "confirm-ok").text == label
                  and d.find_element(By.ID, "confirm-dialog").get_attribute("open") is not None, message="dialog " + label)
        self.click("#confirm-ok")

    # ---- the flow (one test: each step builds on the one before, as a user's session does) ----
    # It starts from an empty case list: unittest runs tests by name, and every test that saves a
    # case is named to sort after test_flow.
    def test_flow(self):
        d = self.d
        self.go("#/cases")
        self.assertEqual(d.find_element(By.TAG_NAME, "html").get_attribute("lang"), "ja")
        self.find("#case-list-empty")

        # 1. An empty national-form plan (見本市 uses Templates/national): the 意向 error shows,
        #    beside its field and in the summary, until 意向 is filled.
        self.new_plan()
        # A new plan is a サポートプラン, and a fresh form lists no errors before the user acts.
        self.assertEqual(Select(self.find("#kind")).first_selected_option.get_attribute("value"), "support-plan")
        self.quiet("fresh form checked")
        self.assertEqual(self.summary_text(), "")
        self.assertFalse(d.find_elements(By.CSS_SELECTOR, "#case-form [aria-invalid='true']"))
        self.check_axe("fresh form")
        self.assertFalse(self.find("#download").is_displayed(), "no download before there is a PDF")
        self.assertFalse(self.find("#print").is_displayed(), "no print before there is a PDF")
        self.type("#f-id", "WEB-0001")
        self.wait_summary(lambda s: "意向" in s, "意向 error in the summary")
        intent = self.find("#f-plan-intent-child")
        self.wait(lambda d: intent.get_attribute("aria-invalid") == "true", message="aria-invalid on 意向")
        described = intent.get_attribute("aria-describedby").split()
        self.assertIn("f-plan-intent-child-msg", described)
        self.assertIn("意向", d.find_element(By.ID, "f-plan-intent-child-msg").text)
        # every input has a label bound to it
        unlabeled = d.execute_script(
            "return Array.from(document.querySelectorAll('#case-form input,#case-form select,#case-form textarea'))"
            ".filter(e=>!document.querySelector('label[for=\"'+CSS.escape(e.id)+'\"]')).map(e=>e.id)")
        self.assertEqual(unlabeled, [])
        self.fill_plan("WEB-0001", [("産後ケア事業", "通所型の産後ケアを利用する。"),
                                    ("養育支援訪問事業", "保健師が訪問し育児の相談にのる。")])
        # a date that cannot be read shows the expected form beside the field
        self.type("#f-child-birthdate", "来週")
        self.wait(lambda d: "令和7年4月1日" in d.find_element(By.ID, "f-child-birthdate-msg").text,
                  message="date error shows the expected form")
        self.type("#f-child-birthdate", "令和6年8月20日")
        # the national form prints no 次回の連絡 and no 続柄: the page does not ask for them
        self.assertFalse(d.find_elements(By.ID, "f-plan-next_contact-date"))
        self.assertFalse(d.find_elements(By.ID, "f-guardians-0-relation"))
        self.wait_summary(lambda s: "意向" in s, "意向 error still there before it is filled")
        # Staff's words: no case-file key and no bare code in what the summary shows (the codes
        # are folded under 「問い合わせ用のコード」).
        self.assertNotRegex(self.summary_text(), r"[A-Za-z_]{4,}|\b[EW]\d{3}\b")
        self.assertIn("問い合わせ用のコード", self.summary_text())
        self.check_contrast_and_focus("editor-errors")
        self.shot("editor-errors", 1280)
        self.shot("editor-errors", 768)
        # printing is blocked while there are errors: the summary takes focus, typed text stays
        d.set_window_size(1280, 1000)
        self.click("#preview")
        self.wait(lambda d: d.switch_to.active_element.get_attribute("id") == "summary", message="summary focus")
        self.assertEqual(d.find_element(By.ID, "f-id").get_attribute("value"), "WEB-0001")
        # 意向 typed through the keyboard, as a committed IME string would arrive
        self.type("#f-plan-intent-guardian", INTENT)
        self.wait(lambda d: "意向" not in self.summary_text(), message="意向 error gone: " + self.summary_text())
        # A correct plan shows nothing at all: no error, and no warning about values its form omits.
        self.quiet("correct plan checked")
        self.assertEqual(self.summary_text(), "", "a correct plan has an empty summary")
        self.assertIsNone(self.find("#f-plan-intent-child").get_attribute("aria-invalid"))

        # 2. Preview: the server's PDF in the page; download it and read it back.
        self.wait(lambda d: d.find_element(By.ID, "preview-frame").is_displayed(), message="preview shown")
        self.check_axe("editor with preview")
        self.shot("editor-preview", 1280)
        self.shot("editor-preview", 768)
        d.set_window_size(1280, 1000)
        self.report_preview_latency()
        pdf = self.download("WEB-0001-support-plan.pdf")
        text = self.pdftotext(pdf)
        for expected in ("サポートプラン", INTENT, "産後ケア事業", "養育支援訪問事業", CHILD_NAME):
            self.assertIn(expected.replace(" ", ""), text.replace(" ", "").replace("\u3000", ""))

        # 3. Save (version 1), change and save again (version 2), open version 1 read-only.
        self.save()
        self.assertTrue(d.current_url.endswith("#/cases/WEB-0001"))
        # WCAG 2.4.3: after 保存 the focus is on 保存 again, not lost to the top of the page.
        self.assertEqual(d.switch_to.active_element.get_attribute("id"), "save")
        self.type("#f-plan-wishes-guardian", "安心して子育てしたい。")
        self.save()
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#version-list li")) == 2, message="two versions")
        self.settled("versions listed")
        self.click("details.versions > summary")   # the list of versions is folded, as a user finds it
        self.wait(lambda d: d.find_element(By.CSS_SELECTOR, "details.versions").get_attribute("open") is not None,
                  message="versions unfolded")
        self.click("a.version-link")
        self.find("#readonly-banner")
        self.assertFalse(self.find("#f-plan-intent-guardian").is_enabled())
        self.assertEqual(self.find("#f-plan-wishes-guardian").get_attribute("value"), "家族で出かけたい。")
        self.step_drafts_and_conflicts()

        # 4. The list shows IDs, never names.
        self.go("#/cases")
        self.find("#case-list")
        self.assertIn("WEB-0001", d.page_source)
        self.assertNotIn(CHILD_NAME, d.page_source)
        self.assertNotIn(GUARDIAN_NAME, d.page_source)
        # Finding a family: by the child's name (spaces ignored) or part of an ID; the answer lists IDs only.
        self.type("#cs-q", CHILD_NAME.replace(" ", ""))
        self.click("#cs-go")
        self.wait(lambda d: "条件に合うケース" in d.find_element(By.CSS_SELECTOR, "#case-list caption").text, message="searched")
        self.settled("searched")
        self.assertEqual([e.text for e in d.find_elements(By.CSS_SELECTOR, "#case-list .case-link")], ["WEB-0001"])
        self.assertNotIn(CHILD_NAME, d.page_source.replace(self.find("#cs-q").get_attribute("value"), ""))
        self.type("#cs-q", "")
        self.click("#cs-go")
        self.wait(lambda d: "保存したケース" in d.find_element(By.CSS_SELECTOR, "#case-list caption").text, message="search cleared")
        self.settled("search cleared")
        self.check_contrast_and_focus("cases")
        self.shot("cases", 1280)
        self.shot("cases", 768)
        d.set_window_size(1280, 1000)

        # 5. A second case: a 措置 without a prior 勧奨 is refused with the server's message.
        self.new_plan()
        self.fill_plan("WEB-0002", [("子育て世帯訪問支援事業", "ヘルパーによる家事支援。")])
        self.type("#f-plan-intent-guardian", INTENT)
        self.wait(lambda d: "エラー" not in self.summary_text(), message="case 2 clean: " + self.summary_text())
        self.save()
        self.switch_to_notice("measure")
        self.fill_measure()
        self.wait(lambda d: "エラー" not in self.summary_text(), message="measure clean: " + self.summary_text())
        self.issue("measure")
        self.wait(lambda d: "error" in (self.status_el().get_attribute("class") or "")
                  and "勧奨" in self.status_text(), message="措置 refused: " + self.status_text())
        self.assertFalse(d.find_elements(By.CSS_SELECTOR, "#issued-list .doc-number"))

        # Leaving the edited, unsaved 措置 asks first (its draft is on the server by then).
        self.quiet("before leaving")
        d.execute_script("delete document.documentElement.dataset.route; location.hash = '#/cases/WEB-0001'")
        self.wait(lambda d: d.find_element(By.ID, "confirm-dialog").get_attribute("open") is not None
                  and "保存していない変更" in d.find_element(By.ID, "confirm-text").text, message="leave asks first")
        self.click("#confirm-cancel")
        self.wait(lambda d: d.current_url.endswith("#/cases/WEB-0002"), message="stays on the case")
        self.settled("stayed")
        self.assertTrue(self.find("#f-measure-date").get_attribute("value"))

        # 6. Case 1: 勧奨 then 措置; both numbers shown.
        d.execute_script("delete document.documentElement.dataset.route; location.hash = '#/cases/WEB-0001'")
        self.wait(lambda d: d.find_element(By.ID, "confirm-dialog").get_attribute("open") is not None, message="leave asks again")
        self.click("#confirm-ok")
        self.wait(lambda d: d.execute_script("return document.documentElement.dataset.route") == "#/cases/WEB-0001",
                  message="left for WEB-0001")
        self.settled("WEB-0001")
        self.switch_to_notice("recommendation")
        self.fill_recommendation()
        self.wait(lambda d: "エラー" not in self.summary_text(), message="recommendation clean: " + self.summary_text())
        self.issue("recommendation")
        rec_number = self.wait(lambda d: (d.find_elements(By.CSS_SELECTOR, "#issued-list .doc-number") or [None])[-1],
                               message="勧奨 number").text
        self.assertTrue(rec_number, "a 文書番号 is shown")
        self.save()
        self.switch_to_notice("measure")
        # The 措置 starts from the 勧奨's services: nothing to type again.
        self.assertEqual(self.find("#f-measure-services-0-service").get_attribute("value"), "子育て世帯訪問支援事業")
        self.assertIn("写しました", self.status_text())
        self.fill_measure()
        self.wait(lambda d: "エラー" not in self.summary_text(), message="measure clean: " + self.summary_text())
        self.save()                           # staff save the 措置's fields, then ask for 決裁
        # A 措置 goes out only after 決裁: the first 発行 asks for it.
        self.issue("measure")
        self.confirm_again("決裁を依頼する")
        self.wait(lambda d: "決裁待ち" in d.find_element(By.ID, "approval-list").text, message="決裁待ち shown")
        self.settled("approval requested")
        # The approver decides on the 決裁 screen (without accounts, the name is typed).
        self.go("#/approvals")
        self.assertIn("WEB-0001", self.find("#approvals-pending").text)
        self.check_contrast_and_focus("approvals")
        self.shot("approvals", 1280)
        self.shot("approvals", 768)
        d.set_window_size(1280, 1000)
        self.click("button.approve")
        self.visible("#confirm-dialog[open]")
        self.type("#approver-name", APPROVER)
        self.click("#confirm-ok")
        self.wait(lambda d: "決裁しました" in self.status_text(), message="approved: " + self.status_text())
        self.settled("approved")
        # Back on the case, 発行 issues the approved draft.
        self.go("#/cases/WEB-0001")
        self.wait(lambda d: "決裁済み" in d.find_element(By.ID, "approval-list").text, message="決裁済み shown")
        self.issue("measure")
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#issued-list .doc-number")) == 2,
                  message="措置 number: " + self.status_text())
        self.settled("measure issued")
        self.assertIn("発行しました", d.find_element(By.ID, "notice-result").text)
        measure_number = d.find_elements(By.CSS_SELECTOR, "#issued-list .doc-number")[-1].text
        self.assertNotEqual(rec_number, measure_number)

        # 7. 発番簿: both listed as issued; a voided notice shows 取消.
        self.go("#/ledger")
        ledger = self.find("#ledger").text
        self.assertIn(rec_number, ledger)
        self.assertIn(measure_number, ledger)
        self.assertIn("発行済", ledger)
        self.assertIn("令和6年度", ledger)                # every row names its 年度 (2025年2〜3月: 令和6年度)
        self.assertIn("決裁：" + APPROVER, ledger)
        self.assertIn("format=csv", self.find("#ledger-csv").get_attribute("href"))
        # Filter: only the 措置.
        Select(self.find("#lf-kind")).select_by_value("measure")
        self.click("#ledger-filter-go")
        numbers = lambda d: [e.text for e in d.find_elements(By.CSS_SELECTOR, "#ledger tbody th.doc-number")]
        self.wait(lambda d: numbers(d) == [measure_number], message="filtered to 措置")
        self.settled("filtered")
        self.assertIn("kind=measure", self.find("#ledger-csv").get_attribute("href"))
        Select(self.find("#lf-kind")).select_by_value("")
        self.click("#ledger-filter-go")
        self.wait(lambda d: numbers(d) == [rec_number, measure_number], message="filter cleared")
        self.settled("filter cleared")
        # Voiding the 勧奨 alone is refused while the 措置 cites it; the page offers both.
        self.click("button.void")
        self.visible("#confirm-dialog[open]")
        self.type("#void-reason", "宛先の誤り")
        self.click("#confirm-ok")
        self.wait(lambda d: "あわせて" in d.find_element(By.ID, "confirm-text").text
                  and d.find_element(By.ID, "confirm-dialog").get_attribute("open") is not None, message="void both offered")
        self.type("#void-reason", "宛先の誤り")
        self.click("#confirm-ok")
        self.wait(lambda d: d.find_element(By.CSS_SELECTOR, "#ledger tbody").text.count("理由：宛先の誤り") == 2,
                  message="both 取消 with their reason")
        self.settled("voided")
        self.check_contrast_and_focus("ledger")
        self.shot("ledger", 1280)
        self.shot("ledger", 768)
        d.set_window_size(1280, 1000)

        # 8. A meeting packet of the two cases.
        self.go("#/packets")
        for box in d.find_elements(By.CSS_SELECTOR, ".packet-case"):
            if box.get_attribute("value") in ("WEB-0001", "WEB-0002"):
                box.click()
        self.type("#pk-title", "令和7年度 第1回 進行管理会議")
        self.type("#pk-copies", "2")
        self.click("#packet-go")
        self.wait(lambda d: d.find_element(By.ID, "preview-frame").is_displayed(), message="packet shown: " + self.status_text())
        # Downloaded as a user would (the page's CSP lets no script fetch its blob: URL).
        packet = self.download(self.find("#download").get_attribute("download"))
        text = self.pdftotext(packet)
        self.assertIn("WEB-0001", text)
        self.assertIn("WEB-0002", text)
        self.assertIn("配布番号 2 / 2", text)      # the copies asked for, numbered
        self.check_contrast_and_focus("packets")
        self.shot("packets", 1280)
        self.shot("packets", 768)
        d.set_window_size(1280, 1000)

        # 9. Session: the warning appears before the end and extending pushes the end back.
        #    The page's clock runs from the server's last answer: pretend that was long ago.
        d.execute_script("const p = yorisoiPage; p.state.lastContact = Date.now() - (p.idleSeconds() - 60) * 1000; p.checkSession();")
        self.visible("#session-dialog[open]")
        self.click("#session-extend")
        self.wait(lambda d: not d.find_element(By.ID, "session-dialog").is_displayed(), message="dialog closed")
        self.assertGreater(d.execute_script("return yorisoiPage.secondsLeft()"), 600)
        #    Typing is activity: a keystroke after a long quiet spell keeps the session on the server.
        d.execute_script("yorisoiPage.state.lastContact = Date.now() - 10 * 60 * 1000")
        self.find("#pk-place").send_keys("会")
        self.wait(lambda d: d.execute_script("return yorisoiPage.secondsLeft()") > 1700, message="keystroke kept the session")

        # 10. Nothing kept in the browser; logout clears the page; the audit log has the actions.
        self.assertTrue(self.storage_is_empty())
        self.click("#logout")
        self.wait(lambda d: "/login" in d.current_url or "ログイン" in d.page_source, message="logged out")
        self.assertNotIn(INTENT, d.page_source)
        self.check_audit()

    OBSCURED_SCRIPT = """
    // Focuses every control of the form in turn, as Tab would, and lists those the sticky
    // toolbar covers (WCAG 2.4.11: a focused control is never entirely hidden).
    const bar = document.querySelector('.toolbar');
    const hidden = [];
    for (const c of document.querySelectorAll('#case-form input, #case-form select, #case-form textarea, #case-form button')) {
      c.focus();
      const r = c.getBoundingClientRect(), b = bar.getBoundingClientRect();
      const sticky = getComputedStyle(bar).position === 'sticky';
      if (sticky && r.bottom <= b.bottom + 1) hidden.push(c.id || c.textContent);
    }
    return hidden;
    """

    # ---- one test per WCAG criterion the page has broken before (each on a case of its own) ----
    A11Y_CASE = {
        "version": 1, "municipality": "990019", "created": "2025-01-20", "category": "要支援児童",
        "child": {"name": "試験 あお", "birthdate": "2024-08-20"}, "guardians": [{"name": GUARDIAN_NAME}],
        "plan": {"intent": {"guardian": INTENT}, "issues": [{"text": "家事の手が足りない。"}],
                 "supports": [{"service": "産後ケア事業", "content": "通所型を利用する。", "frequency": "月2回"},
                              {"service": "養育支援訪問事業", "content": "保健師が訪問する。", "frequency": "月1回"}],
                 "review": "2025-07"},
        "recommendation": {"date": "2025-02-01", "addressee": 0, "reason": "家事と育児の支援が要るため。",
                           "services": [{"service": "子育て世帯訪問支援事業", "content": "訪問支援員が家事を手伝います。",
                                         "provider": "見本市子育て支援課", "period": "6か月"}]},
    }

    def save_sample(self, name):
        """Saves samples/cases/NAME as it is (YAML) through the API, as another client would."""
        req = urllib.request.Request(self.server.base + "/api/v1/cases", method="POST",
                                     data=(ROOT / "samples" / "cases" / name).read_bytes(),
                                     headers={"Authorization": "Bearer " + self.server.token,
                                              "Content-Type": "application/yaml", "Accept": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            self.assertIn(r.status, (200, 201))

    def open_case(self, case_id):
        """Saves a case through the API and opens it signed in, the form settled."""
        body = dict(self.A11Y_CASE, id=case_id)
        self.api("POST", "/api/v1/cases", body)
        self.d.set_window_size(1280, 1000)
        self.d.get(self.server.signed_in_url)
        self.wait(lambda d: d.execute_script("return document.documentElement.dataset.route") == "#/cases", message="signed in")
        self.settled("signed in")
        self.go("#/cases/" + case_id)
        self.find("#case-form")
        self.quiet("case opened")

    def test_wcag_1_4_10_reflow_at_320_px(self):
        d = self.d
        self.open_case("A11Y-1410")
        d.set_window_size(320, 800)
        self.wait(lambda d: d.execute_script("return innerWidth") <= 340, message="narrow window")
        self.assertLessEqual(d.execute_script("return document.documentElement.scrollWidth - innerWidth"), 0, "sideways scroll at 320 px")
        self.assertEqual(d.execute_script("return getComputedStyle(document.querySelector('.toolbar')).position"), "static",
                         "no bar stays stuck over the form")
        # The preview is one tap away, not below the whole form.
        self.click("#to-preview")
        self.wait(lambda d: d.switch_to.active_element.get_attribute("id") == "preview-title", message="preview reached")
        self.shot("editor", 320)

    def test_wcag_2_4_3_focus_after_actions(self):
        d = self.d
        self.open_case("A11Y-243")
        self.type("#f-plan-wishes-child", "外で遊びたい。")
        self.save()
        self.assertEqual(d.switch_to.active_element.get_attribute("id"), "save", "focus back on 保存 after saving")
        Select(self.find("#kind")).select_by_value("recommendation")
        self.click("#kind-go")
        self.settled("form switched")
        self.assertEqual(d.switch_to.active_element.get_attribute("id"), "kind", "focus stays on the list after switching")
        # The toolbar is one key away from deep in the form (Alt+T); the skip link keeps the address.
        self.find("#f-recommendation-reason").send_keys(Keys.ALT, "t")
        self.wait(lambda d: d.switch_to.active_element.get_attribute("id") == "kind", message="Alt+T reaches the toolbar")
        url = d.current_url
        d.execute_script("document.querySelector('a.skip[data-skip=main]').click()")
        self.wait(lambda d: d.switch_to.active_element.get_attribute("id") == "main", message="skip link")
        self.assertEqual(d.current_url, url)

    def test_wcag_2_4_11_focus_not_obscured(self):
        d = self.d
        self.open_case("A11Y-2411")
        for width in (1280, 768):
            d.set_window_size(width, 1000)
            self.assertEqual(d.execute_script(self.OBSCURED_SCRIPT), [], f"controls under the toolbar at {width} px")

    def test_wcag_3_2_2_on_input(self):
        d = self.d
        self.open_case("A11Y-322")
        Select(self.find("#kind")).select_by_value("recommendation")
        self.settled("kind chosen")
        self.assertFalse(d.find_elements(By.ID, "f-recommendation-date"), "the form changed on selection alone")
        self.assertEqual(d.switch_to.active_element.get_attribute("id"), "kind")
        self.click("#kind-go")
        self.settled("form switched")
        self.find("#f-recommendation-date")
        Select(self.find("#kind")).select_by_value("support-plan")
        self.click("#kind-go")
        self.settled("back to the plan")
        self.assertEqual(self.find("#f-plan-intent-guardian").get_attribute("value"), INTENT, "nothing typed was lost")

    def test_wcag_3_3_2_labels_and_instructions(self):
        d = self.d
        self.open_case("A11Y-332")
        unlabeled = d.execute_script(
            "return Array.from(document.querySelectorAll('#case-form input,#case-form select,#case-form textarea'))"
            ".filter(e=>!document.querySelector('label[for=\"'+CSS.escape(e.id)+'\"]')).map(e=>e.id)")
        self.assertEqual(unlabeled, [], "every control has a label")
        # Required fields say so where the rules refuse them; dates say how to write them.
        self.assertIn("（必須）", self.find("label[for='f-plan-intent-guardian']").text)
        self.assertNotIn("（必須）", self.find("label[for='f-created']").text)
        self.assertIn("令和7年4月1日", self.find("#f-created-hint").text)
        self.assertIn("f-created-hint", self.find("#f-created").get_attribute("aria-describedby"))

    def test_wcag_3_3_7_redundant_entry(self):
        d = self.d
        self.open_case("A11Y-337")
        Select(self.find("#kind")).select_by_value("measure")
        self.click("#kind-go")
        self.settled("measure form")
        self.assertEqual(self.find("#f-measure-services-0-service").get_attribute("value"), "子育て世帯訪問支援事業")
        self.assertEqual(self.find("#f-measure-services-0-content").get_attribute("value"), "訪問支援員が家事を手伝います。")
        self.assertIn("写しました", self.status_text())

    def test_packet_leaves_out_cases_without_consent(self):
        """個別ケース検討会議 and 合同ケース会議 print only cases whose family agreed to share; the
        page names the others before building, and the 実務者会議 prints both."""
        d = self.d
        self.api("POST", "/api/v1/cases", dict(self.A11Y_CASE, id="PK-AGREED", consent={"agreed": True}))
        self.open_case("PK-NOCONSENT")      # A11Y_CASE records no consent
        self.go("#/packets")
        self.find("#packet-form")
        for box in d.find_elements(By.CSS_SELECTOR, ".packet-case"):
            if box.get_attribute("value") in ("PK-AGREED", "PK-NOCONSENT"):
                box.click()
        self.assertIn("同意の記録なし", self.find("label[for='%s']" % d.find_element(
            By.CSS_SELECTOR, ".packet-case[value='PK-NOCONSENT']").get_attribute("id")).text)
        self.assertIn("個別ケース検討会議", self.find("#pk-kind-hint").text)
        Select(self.find("#pk-kind")).select_by_value("個別ケース検討会議")
        self.assertEqual(self.find("#pk-title").get_attribute("value"), "個別ケース検討会議", "the name follows the kind")
        self.click("#packet-go")
        self.visible("#confirm-dialog[open]")
        self.assertIn("PK-NOCONSENT", self.find("#confirm-dialog").text)
        self.assertNotIn("PK-AGREED", self.find("#confirm-dialog").text)
        self.click("#confirm-ok")
        self.wait(lambda d: d.find_element(By.ID, "preview-frame").is_displayed(), message="packet shown: " + self.status_text())
        self.assertIn("載せなかったケース：1件", self.find("#preview-state").text)
        text = re.sub(r"\s+", "", self.pdftotext(self.download(self.find("#download").get_attribute("download"))))
        self.assertIn("この資料に載せていないケース（1件）PK-NOCONSENT", text)
        self.assertIn("協議するケース（1件）PK-AGREED", text)

        # A council meeting that reviews every case asks nothing and prints both.
        Select(self.find("#pk-kind")).select_by_value("実務者会議")
        self.click("#packet-go")
        self.wait(lambda d: "2ケース" in d.find_element(By.ID, "preview-state").text,
                  message="both printed: " + self.status_text())
        self.assertFalse(self.find("#confirm-dialog").get_attribute("open"))
        self.shot("packets-consent", 1280)

    def test_review_schedule_per_staff(self):
        """更新時期一覧: plans due in a range of months, one table per 担当者, and the CSV."""
        d = self.d
        staffed = dict(self.A11Y_CASE, id="RV-0001",
                       staff={"maternal_health": {"name": "試験 見直子"}, "child_welfare": {"name": "試験 福祉郎"}})
        self.api("POST", "/api/v1/cases", staffed)
        self.open_case("RV-0002")      # no 担当者
        self.go("#/reviews")
        self.type("#rv-from", "令和7年7月")
        self.type("#rv-to", "2025-08")
        self.click("#review-go")
        self.settled("review list")
        self.wait(lambda d: self.find("#review-summary").text.startswith("令和7年7月〜令和7年8月"),
                  message="the range asked for, in 和暦")
        captions = [c.text for c in d.find_elements(By.CSS_SELECTOR, ".review-list caption")]
        # Other tests share the server: only this test's staff are asserted by name.
        self.assertIn("試験 見直子（1件）", captions)
        self.assertIn("試験 福祉郎（1件）", captions)
        self.assertTrue(captions[-1].startswith("担当者の記載なし（"), captions)
        self.assertIn("RV-0002", d.find_elements(By.CSS_SELECTOR, ".review-list")[-1].text)
        csv = self.download("reviews-2025-07.csv", button="#review-csv").read_text(encoding="utf-8-sig")
        self.assertIn("RV-0001", csv)
        self.assertIn("見直し時期", csv)
        pdf = re.sub(r"\s+", "", self.pdftotext(self.download("reviews-2025-07.pdf", button="#review-pdf")))
        self.assertIn("担当：試験見直子（1件）", pdf)
        self.assertIn("RV-0002", pdf)
        self.check_contrast_and_focus("reviews")
        self.shot("reviews", 1280)
        self.shot("reviews", 768)

    def test_monthly_report_of_signed_plans(self):
        """月次起案: the plans signed in a month, behind a cover that lists them."""
        d = self.d
        self.api("POST", "/api/v1/cases", dict(self.A11Y_CASE, id="MR-0001",
                                                consent={"agreed": True, "date": "2025-02-03", "signer": GUARDIAN_NAME}))
        self.api("POST", "/api/v1/cases", dict(self.A11Y_CASE, id="MR-0002",
                                                consent={"agreed": True, "date": "2025-03-01", "signer": GUARDIAN_NAME}))
        self.open_case("MR-0003")      # no consent: never in a monthly report
        self.go("#/monthly")
        self.type("#mr-month", "令和7年2月")
        Select(self.find("#mr-municipality")).select_by_value("990019")
        self.click("#monthly-go")
        self.wait(lambda d: d.find_element(By.ID, "preview-frame").is_displayed(), message="report shown: " + self.status_text())
        self.assertIn("令和7年2月に署名をいただいたプラン1件", self.find("#preview-state").text)
        text = re.sub(r"\s+", "", self.pdftotext(self.download("monthly-report-2025-02.pdf")))
        self.assertIn("サポートプラン月次報告（起案）", text)
        self.assertIn("MR-0001", text)
        self.assertNotIn("MR-0002", text)
        self.assertNotIn("MR-0003", text)
        self.check_contrast_and_focus("monthly")
        self.shot("monthly", 1280)

    def test_self_plan_made_on_the_page(self):
        """#28: a セルフプラン made on the page — the kind offered, its own section, a preview."""
        self.save_sample("mihon-self-plan.yaml")
        self.go("#/cases/SP-0001")
        self.find("#case-form")
        kinds = [o.get_attribute("value") for o in Select(self.find("#kind")).options]
        for kind in ("self-plan", "provider-brief", "fee-reduction", "explanation"):
            self.assertIn(kind, kinds)
        Select(self.find("#kind")).select_by_value("self-plan")
        self.click("#kind-go")
        self.settled("form switched to self-plan")
        self.find("#sec-self_plan")
        self.find("#f-self_plan-hospital")
        self.click("#preview")
        self.wait(lambda d: d.find_element(By.ID, "preview-frame").is_displayed(), message="preview shown: " + self.status_text())
        text = re.sub(r"\s+", "", self.pdftotext(self.download("SP-0001-self-plan.pdf")))
        self.assertIn("わたしのセルフプラン", text)
        self.assertIn("母親学級に夫と一緒に参加する", text)
        self.check_contrast_and_focus("self-plan")
        self.shot("self-plan", 1280)

    def test_preview_offers_a_family_copy(self):
        """#27: the preview offers a family copy; its PDF carries the labels in the language chosen."""
        self.open_case("FC-0001")
        select = Select(self.find("#family-copy"))
        codes = [o.get_attribute("value") for o in select.options]
        self.assertEqual(codes, ["", "en", "pt", "vi", "zh-Hans"], "the languages come from the server's label files")
        self.assertIn("Tiếng Việt", [o.text for o in select.options])
        select.select_by_value("vi")
        self.wait(lambda d: d.find_element(By.ID, "download").get_attribute("download") == "FC-0001-support-plan-vi.pdf",
                  message="family copy previewed: " + self.status_text())
        text = self.pdftotext(self.download("FC-0001-support-plan-vi.pdf"))
        self.assertIn("Tên của trẻ", text)
        self.assertIn("こどもの なまえ", text)
        self.assertIn("試験 あお", text)
        self.check_contrast_and_focus("family-copy")
        self.shot("family-copy", 1280)

    def ruby_spans(self, path):
        """How many readings the PDF sets over their bases: each is an artifact with an empty
        /ActualText (docs/ruby.md), found in the uncompressed content streams."""
        qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(path), "-"],
                             capture_output=True, check=True).stdout
        return qdf.lower().count(b"/span <</actualtext <feff>>> bdc")

    def test_preview_offers_ruby(self):
        """#27: the preview offers ruby on any form, for a reader of a chosen grade; copying the
        PDF's text still gives the base text alone."""
        self.open_case("RB-0001")
        grades = [o.get_attribute("value") for o in Select(self.find("#ruby-grade")).options]
        self.assertEqual(grades, ["", "0", "1", "2", "3", "4", "5", "6"], "the grades come from the server's table")

        def previewed(choose, what, name="RB-0001-support-plan.pdf"):
            """Chooses, waits for the new preview (a new PDF behind the download link), fetches it."""
            before = self.find("#download").get_attribute("href")
            choose()
            self.wait(lambda d: d.find_element(By.ID, "download").get_attribute("href") not in (None, "", before),
                      message=what + ": " + self.status_text())
            return self.download(name)

        path = previewed(lambda: Select(self.find("#ruby")).select_by_value("on"), "ruby previewed")
        everything = self.ruby_spans(path)
        self.assertGreater(everything, 20, "readings over the plan's kanji")
        text = re.sub(r"\s+", "", self.pdftotext(path))
        self.assertIn("試験", text)
        self.assertNotIn("しけん", text, "a reading is never part of the copied text")
        # A reader through grade 6 knows most kanji: fewer readings.
        path = previewed(lambda: Select(self.find("#ruby-grade")).select_by_value("6"), "sixth grade previewed")
        self.assertLess(self.ruby_spans(path), everything)
        self.check_contrast_and_focus("ruby")
        self.shot("ruby", 1280)

        # 守谷市's こども版 has ruby as its template says; 「付けない」 takes it off.
        self.save_sample("moriya-support-plan.yaml")
        self.go("#/cases/M-0311")
        self.find("#case-form")
        Select(self.find("#kind")).select_by_value("support-plan-child")
        self.click("#kind-go")
        self.settled("form switched to the こども版")
        before = self.find("#download").get_attribute("href")
        self.click("#preview")
        self.wait(lambda d: d.find_element(By.ID, "download").get_attribute("href") not in (None, "", before),
                  message="こども版 previewed: " + self.status_text())
        child = self.ruby_spans(self.download("M-0311-support-plan-child.pdf"))
        self.assertGreater(child, 30, "the こども版's readings, without asking")
        path = previewed(lambda: Select(self.find("#ruby")).select_by_value("off"), "ruby off", "M-0311-support-plan-child.pdf")
        self.assertEqual(self.ruby_spans(path), 0)

    def step_drafts_and_conflicts(self):
        """Nothing typed is lost, and two people on one case do not overwrite each other."""
        d = self.d
        self.go("#/cases/WEB-0001")
        # An edit reaches the server as a draft within seconds; the page then vanishes without
        # a word, as a crash or a closed lid would (the unsaved-changes question is bypassed).
        self.type("#f-plan-wishes-child", "公園で遊びたい。")
        self.draft_saved()
        d.execute_script("yorisoiPage.state.dirty = false")
        d.refresh()
        self.wait(lambda d: d.execute_script("return document.documentElement.dataset.route") == "#/cases/WEB-0001",
                  message="reloaded")
        self.settled("reloaded")
        self.assertIn("保存していない下書き", self.find("#draft-offer").text)
        self.check_axe("draft offered")
        self.click("#draft-open")
        self.settled("draft opened")
        self.assertEqual(self.find("#f-plan-wishes-child").get_attribute("value"), "公園で遊びたい。")
        self.save()                                                   # version 3
        self.assertIn("第3版", self.status_text())
        self.assertEqual(self.api("GET", "/api/v1/drafts"), [])       # saving dropped the draft

        # Someone else saves version 4 while this page still edits version 3.
        other = self.api("GET", "/api/v1/cases/WEB-0001")
        other["plan"]["wishes"]["guardian"] = "別の担当者が書いた。"
        self.api("PUT", "/api/v1/cases/WEB-0001?base_version=3", other)
        self.type("#f-plan-wishes-child", "公園で遊びたい。絵本も読みたい。")
        self.quiet("before saving over version 4")
        self.click("#save")
        table = self.find("#conflict-table")
        self.assertEqual(d.switch_to.active_element.get_attribute("id"), "conflict")
        rows = {r.find_element(By.TAG_NAME, "th").text: r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr")}
        self.assertEqual(len(rows), 2, "the two fields that differ: " + ", ".join(rows))
        self.check_axe("conflict")
        for label, row in rows.items():
            self.assertNotRegex(label, "[a-z_]", "a field is named in staff's words")
            if "別の担当者" in row.text:
                row.find_element(By.CSS_SELECTOR, "input[value='theirs']").click()   # keep the colleague's words
        self.click("#conflict-save")
        self.wait(lambda d: "第5版" in self.status_text(), message="merged as version 5: " + self.status_text())
        self.settled("merged")
        merged = self.api("GET", "/api/v1/cases/WEB-0001")
        self.assertEqual(merged["plan"]["wishes"]["guardian"], "別の担当者が書いた。")
        self.assertEqual(merged["plan"]["wishes"]["child"], "公園で遊びたい。絵本も読みたい。")

        # Any earlier version beside the latest, and restored as the next one.
        self.go("#/cases/WEB-0001/compare/2")
        self.assertIn("公園で遊びたい", self.find("#compare-table").text)
        self.check_axe("compare")
        self.click("#restore")
        self.visible("#confirm-dialog[open]")
        self.click("#confirm-ok")
        self.wait(lambda d: "第6版" in self.status_text(), message="restored as version 6: " + self.status_text())
        self.settled("restored")
        restored = self.api("GET", "/api/v1/cases/WEB-0001")
        self.assertEqual(restored["plan"].get("wishes", {}).get("guardian"), "安心して子育てしたい。")
        self.assertIsNone(restored["plan"].get("wishes", {}).get("child"))

        # The session ends while a draft is on the server (as a timeout would end it): the page says
        # the work is kept, and after signing in again the case offers it back; it can be discarded.
        self.assertEqual(d.execute_script("return document.documentElement.dataset.route"), "#/cases/WEB-0001")
        self.type("#f-plan-worries-guardian", "眠れていない。")
        self.draft_saved()
        d.execute_script("fetch('/logout', {method: 'POST', headers: {'X-CSRF-Token': yorisoiPage.state.session.csrf_token}, redirect: 'manual'})"
                         ".then(() => { document.documentElement.dataset.loggedOut = '1'; })")
        self.wait(lambda d: d.execute_script("return document.documentElement.dataset.loggedOut") == "1", message="session ended")
        self.find("#f-plan-worries-guardian").send_keys("。")        # the next request meets the ended session
        self.wait(lambda d: d.find_elements(By.ID, "draft-kept"), message="the page says the draft is kept")
        d.get(self.server.signed_in_url)
        # The sign-in lands on the case list; it must have finished routing before the next address.
        self.wait(lambda d: d.execute_script("return document.documentElement.dataset.route") == "#/cases", message="signed in again")
        self.settled("signed in again")
        self.go("#/cases/WEB-0001")
        self.assertIn("保存していない下書き", self.find("#draft-offer").text)
        self.click("#draft-discard")
        self.visible("#confirm-dialog[open]")
        self.click("#confirm-ok")
        self.wait(lambda d: not d.find_elements(By.ID, "draft-offer"), message="draft discarded")
        self.settled("draft discarded")
        self.assertEqual(self.api("GET", "/api/v1/drafts"), [])
        self.assertEqual(self.find("#f-plan-worries-guardian").get_attribute("value"), "")

    def fill_recommendation(self):
        self.type("#f-recommendation-date", "令和7年2月1日")
        Select(self.find("#f-recommendation-addressee")).select_by_value("0")
        self.type("#f-recommendation-reason", "家事・育児の負担を軽くする支援が必要と認められるため。")
        self.click("#f-recommendation-services-add")
        self.type("#f-recommendation-services-0-service", "子育て世帯訪問支援事業")
        self.type("#f-recommendation-services-0-content", "訪問支援員が家事と育児を手伝います。")

    def fill_measure(self):
        if not self.find("#f-recommendation-date").get_attribute("value"):
            # The 措置 form asks only for what the 措置 prints of its 勧奨: its date and addressee.
            self.assertFalse(self.d.find_elements(By.ID, "f-recommendation-reason"))
            self.type("#f-recommendation-date", "令和7年2月1日")
            Select(self.find("#f-recommendation-addressee")).select_by_value("0")
        self.type("#f-measure-date", "令和7年3月1日")
        self.type("#f-measure-difficulty", "勧奨に応じた利用が著しく困難と認められるため。")
        if not self.d.find_elements(By.ID, "f-measure-services-0-service"):
            self.click("#f-measure-services-add")
        self.type("#f-measure-services-0-service", "子育て世帯訪問支援事業")
        self.type("#f-measure-services-0-content", "訪問支援員が家事と育児を手伝います。")
        self.type("#f-measure-services-0-from", "2025-03-10")
        self.type("#f-measure-services-0-to", "2025-09-30")

    def check_audit(self):
        """Every view, save, print (render) and issue left an audit row naming the case ID and
        nothing else from the case."""
        db = pathlib.Path(self.server.data) / "yorisoi.sqlite"
        self.assertTrue(db.exists(), "the server keeps its database in --data")
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        rows = con.execute("select action, case_id from audit").fetchall()
        everything = json.dumps(con.execute("select * from audit").fetchall(), ensure_ascii=False)
        con.close()
        done = {(a, c) for a, c in rows}
        for expected in [("case.create", "WEB-0001"), ("case.update", "WEB-0001"), ("case.read", "WEB-0001"),
                         ("render.support-plan", "WEB-0001"), ("notice.issue.recommendation", "WEB-0001"),
                         ("notice.issue.measure", "WEB-0001"), ("approval.request", "WEB-0001"),
                         ("approval.approve", "WEB-0001"), ("ledger.void", "WEB-0001"),
                         ("packet", "WEB-0001"), ("packet", "WEB-0002")]:
            self.assertIn(expected, done)
        for secret in (CHILD_NAME, GUARDIAN_NAME, INTENT):
            self.assertNotIn(secret, everything)

if __name__ == "__main__":
    unittest.main(verbosity=2)
