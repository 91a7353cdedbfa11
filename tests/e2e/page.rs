//! The page as a person sees it: fields by their label, buttons by their name, alerts by role.

use crate::webdriver::{Element, Result, Session};
use crate::World;
use mock_github::MockGithub;
use serde_json::{json, Value};
use std::time::Duration;

/// A token the mock accepts; the tests check it never leaks anywhere.
pub const ACCESS_TOKEN: &str = "ghp_e2eSecretAccessToken0123456789abcd";
/// A second token, typed over the first.
pub const OTHER_ACCESS_TOKEN: &str = "ghp_e2eAnotherAccessToken0123456789ab";

/// One test's browser and its own mock GitHub API.
pub struct Page<'w> {
    pub session: Session,
    pub mock: MockGithub,
    pub world: &'w World,
    /// Every request the browser sent so far, from its own record (read from the performance
    /// log, which each read empties, so it is kept here).
    sent: std::cell::RefCell<Vec<Sent>>,
    /// Fetches the browser has started and not yet finished, by request id.
    open: std::cell::RefCell<std::collections::HashSet<String>>,
    /// Every console message so far (reading the browser's log empties it, so it is kept here).
    console: std::cell::RefCell<Vec<String>>,
}

/// A request as the browser itself recorded it (DevTools protocol `Network.requestWillBeSent`).
#[derive(Clone, Debug)]
pub struct Sent {
    pub method: String,
    pub url: String,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
}

impl Sent {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The page's short timings for tests (see src/browser/tuning.rs): a poll every 250 ms.
pub const TUNING: &str = "globalThis.runnerTokenTuning = { pollMs: 250 };";
/// The watch's poll interval under [`TUNING`].
pub const POLL: Duration = Duration::from_millis(250);

/// An XPath 1.0 string literal for any `s`: quoted with the kind it lacks, or, holding both,
/// a `concat()` of single-quoted pieces and `"'"`.
pub fn lit(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else if !s.contains('"') {
        format!("\"{s}\"")
    } else {
        let pieces: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", pieces.join(", \"'\", "))
    }
}

/// The code of the setup step titled `title`.
pub fn step_xpath(title: &str) -> String {
    format!(
        "//li[p[substring-after(normalize-space(.), '. ')={}]]//code",
        lit(title)
    )
}

/// The section (a region) whose `aria-labelledby` names an element reading `name`: a part of
/// the page found by its heading, as a screen reader lists regions.
pub fn region(name: &str) -> String {
    format!("//section[@aria-labelledby=//*[normalize-space(.)={}]/@id]", lit(name))
}

impl<'w> Page<'w> {
    pub fn new(world: &'w World) -> Result<Self> {
        Self::with_args(world, &[])
    }

    /// A session whose Chromium gets `extra` command-line flags too.
    pub fn with_args(world: &'w World, extra: &[&str]) -> Result<Self> {
        let mut args: Vec<Value> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-default-apps",
            "--window-size=1100,1400",
        ]
        .iter()
        .chain(extra)
        .map(|a| json!(a))
        .collect();
        args.dedup();
        let capabilities = json!({
            "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": world.chrome_bin,
                    "args": args,
                },
                "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" },
            }
        });
        let session = Session::new(&world.driver_url, capabilities)?;
        // Before any page script runs, on every document of this session.
        session.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": TUNING }))?;
        let mock = MockGithub::start().map_err(|e| format!("mock: {e}"))?;
        Ok(Self {
            session,
            mock,
            world,
            sent: Default::default(),
            open: Default::default(),
            console: Default::default(),
        })
    }

    /// Opens the page with `query` (e.g. `?org=x`) and waits for the app to be on screen.
    /// Opens the page with `query` (and any `#fragment`) and waits for the app: its tab list
    /// and the open tab's panel.
    pub fn visit(&self, query: &str) -> Result<()> {
        self.session.goto(&format!("{}/{query}", self.world.site.url()))?;
        self.session
            .find("//*[@role='tablist']/following-sibling::*[@role='tabpanel']")?;
        Ok(())
    }

    /// The radio button labelled `label` in the group (fieldset) whose legend reads `group`.
    pub fn radio(&self, group: &str, label: &str) -> Result<Element<'_>> {
        self.session.find(&format!(
            "//fieldset[legend[normalize-space(.)={}]]//label[normalize-space(.)={}]//input[@type='radio']",
            lit(group),
            lit(label)
        ))
    }

    /// Whether that radio button is checked.
    pub fn is_checked(&self, group: &str, label: &str) -> Result<bool> {
        Ok(self.radio(group, label)?.property("checked")? == true)
    }

    /// Opens the page pointed at this test's mock (Enterprise Server layout, so the web base is derived).
    pub fn visit_with_mock(&self) -> Result<()> {
        self.visit(&format!("?api={}", self.mock.ghes_url()))
    }

    /// Opens the just-in-time form through a deep link (`scope_query` names the scope and any
    /// preset, e.g. `org=octo-org&os=linux`), creates a runner named `name` on the mock and waits
    /// for its result.
    pub fn create_jit(&self, scope_query: &str, name: &str) -> Result<()> {
        self.visit(&format!("?{scope_query}&mode=jit&api={}", self.mock.ghes_url()))?;
        self.field("Access token")?.fill(ACCESS_TOKEN)?;
        self.field("Runner name")?.fill(name)?;
        self.button("Create just-in-time runner")?.click()?;
        self.wait_for_text(&format!("Just-in-time runner {name}"))
    }

    /// The form control (input, select or textarea) whose `<label>` reads `label`.
    pub fn field(&self, label: &str) -> Result<Element<'_>> {
        self.session.find(&format!(
            "//*[self::input or self::select or self::textarea][@id=//label[normalize-space(.)={}]/@for]",
            lit(label)
        ))
    }

    /// Picks the option reading `option` in the list labelled `label`.
    pub fn choose(&self, label: &str, option: &str) -> Result<()> {
        self.session
            .find(&format!(
                "//select[@id=//label[normalize-space(.)={}]/@for]/option[normalize-space(.)={}]",
                lit(label),
                lit(option)
            ))?
            .click()
    }

    /// How many requests reached the mock API with `token` in their Authorization header.
    pub fn sent_with_token(&self, token: &str) -> usize {
        self.mock
            .requests()
            .iter()
            .filter(|r| r.header("authorization").is_some_and(|a| a.contains(token)))
            .count()
    }

    /// Nothing was sent to any API (by the browser's own record, once the page has settled):
    /// a check that fails whatever address the page would have sent to.
    pub fn assert_nothing_sent(&self, what: &str) -> Result<()> {
        self.settle()?;
        let sent: Vec<String> = self
            .sent_to_api()?
            .into_iter()
            .map(|r| format!("{} {}", r.method, r.url))
            .collect();
        check(sent.is_empty(), format!("{what}, yet the browser sent: {sent:?}"))
    }

    /// The code of the setup step whose title reads `title` (e.g. "Download the runner").
    pub fn step_code(&self, title: &str) -> Result<String> {
        self.session.find(&step_xpath(title))?.text()
    }

    /// Opens the tab named `name` (an element with role=tab), unless it is open already.
    pub fn open_tab(&self, name: &str) -> Result<()> {
        let tab = self
            .session
            .find(&format!("//*[@role='tab'][normalize-space(.)={}]", lit(name)))?;
        if tab.attribute("aria-selected")?.as_deref() != Some("true") {
            tab.click()?;
        }
        Ok(())
    }

    pub fn button(&self, name: &str) -> Result<Element<'_>> {
        self.session
            .find(&format!("//button[normalize-space(.)={}]", lit(name)))
    }

    /// The first visible element with role=alert whose text contains `text` (waits for it).
    pub fn alert_containing(&self, text: &str) -> Result<Element<'_>> {
        let xpath = format!("//*[@role='alert'][contains(normalize-space(.), {})]", lit(text));
        self.session.wait_for(
            &format!("a visible alert containing {text:?}"),
            Duration::from_secs(10),
            || {
                for alert in self.session.find_all(&xpath)? {
                    if alert.is_displayed()? {
                        return Ok(Some(alert));
                    }
                }
                Ok(None)
            },
        )
    }

    /// Waits until the page has settled (two frames and an idle period, with no request of the
    /// page's in flight), then looks ONCE: fails if anything matches `xpath`, or on any
    /// WebDriver error. An absence check that can fail.
    pub fn assert_absent(&self, xpath: &str, what: &str) -> Result<()> {
        self.settle()?;
        let found = self.session.find_all(xpath)?;
        check(
            found.is_empty(),
            format!("expected no {what}, found {} ({xpath})", found.len()),
        )
    }

    /// Every console message the page logged so far.
    pub fn console(&self) -> Result<Vec<String>> {
        let new = self.session.console_log()?;
        self.console.borrow_mut().extend(new);
        Ok(self.console.borrow().clone())
    }

    /// Fails when the page has died: with `panic = "abort"` a panic is a `RuntimeError:
    /// unreachable` in the console and a page that no longer answers.
    pub fn assert_alive(&self) -> Result<()> {
        let dead: Vec<String> = self
            .console()?
            .into_iter()
            .filter(|l| l.contains("RuntimeError") || l.contains("panicked"))
            .collect();
        check(dead.is_empty(), format!("the page died: {dead:?}"))
    }

    /// Waits for the page to be idle: no fetch of the page's in flight (by the browser's own
    /// record), then two animation frames and an idle callback. Fails if the page has died.
    pub fn settle(&self) -> Result<()> {
        self.session
            .wait_for("the page's requests to finish", Duration::from_secs(10), || {
                Ok((self.in_flight()? == 0).then_some(()))
            })?;
        self.session.execute_async(
            "const done = arguments[arguments.length - 1];\
             requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => done(true), { timeout: 1000 })));",
            vec![],
        )?;
        self.assert_alive()
    }

    /// Requests the browser has started and not finished, from its own record.
    fn in_flight(&self) -> Result<usize> {
        self.record()?;
        Ok(self.open.borrow().len())
    }

    /// Every request the browser has sent so far (its own record), the page's own files
    /// included; [`Self::sent_to_api`] keeps the others.
    pub fn sent(&self) -> Result<Vec<Sent>> {
        self.record()?;
        Ok(self.sent.borrow().clone())
    }

    /// The requests the browser sent to anywhere but the page's own origin: API calls and
    /// their CORS preflights.
    pub fn sent_to_api(&self) -> Result<Vec<Sent>> {
        let page = self.world.site.url();
        Ok(self.sent()?.into_iter().filter(|r| !r.url.starts_with(&page)).collect())
    }

    /// Reads the performance log into [`Self::sent`] and the set of requests in flight.
    fn record(&self) -> Result<()> {
        for event in self.session.performance_log()? {
            let message = &event["message"];
            let params = &message["params"];
            let id = params["requestId"].as_str().unwrap_or_default().to_string();
            match message["method"].as_str() {
                Some("Network.requestWillBeSent") => {
                    let request = &params["request"];
                    let headers = request["headers"]
                        .as_object()
                        .into_iter()
                        .flatten()
                        .map(|(k, v)| (k.to_ascii_lowercase(), v.as_str().unwrap_or_default().to_string()))
                        .collect();
                    self.sent.borrow_mut().push(Sent {
                        method: request["method"].as_str().unwrap_or_default().to_string(),
                        url: request["url"].as_str().unwrap_or_default().to_string(),
                        headers,
                    });
                    if params["type"].as_str() == Some("Fetch") {
                        self.open.borrow_mut().insert(id);
                    }
                }
                Some("Network.loadingFinished" | "Network.loadingFailed") => {
                    self.open.borrow_mut().remove(&id);
                }
                _ => {}
            }
        }
        Ok(())
    }

    pub fn alerts(&self) -> Result<Vec<String>> {
        self.session
            .find_all("//*[@role='alert']")?
            .iter()
            .map(Element::text)
            .collect()
    }

    /// Waits until the page shows `text` somewhere: in its rendered text (spaces and line breaks
    /// taken as one space), so nothing hidden counts, such as a result panel built while its
    /// request is still on the way.
    pub fn wait_for_text(&self, text: &str) -> Result<()> {
        self.session
            .wait_for(&format!("the page to show {text:?}"), Duration::from_secs(10), || {
                let shown = self.session.execute(
                    "const squash = (s) => s.replace(/\\s+/g, ' ').trim();\
                     return squash(document.body.innerText).includes(squash(arguments[0]));",
                    vec![json!(text)],
                )?;
                Ok((shown == json!(true)).then_some(()))
            })
    }

    pub fn body_text(&self) -> Result<String> {
        self.session.find("//body")?.text()
    }

    pub fn fill_form(&self, org: &str, token: &str) -> Result<()> {
        self.field("Organization")?.fill(org)?;
        self.field("Access token")?.fill(token)
    }

    /// Fills the form and presses the button, without waiting for anything.
    pub fn submit(&self, org: &str, token: &str) -> Result<()> {
        self.fill_form(org, token)?;
        self.open_tab("Register")?;
        self.button("Create registration token")?.click()
    }

    /// Fills the form, presses the button and waits for a result or an alert.
    pub fn create(&self, org: &str, token: &str) -> Result<()> {
        self.submit(org, token)?;
        self.wait_for_outcome()
    }

    /// Waits for a result or an alert on screen (a result panel waiting, hidden, for its
    /// answer does not count).
    pub fn wait_for_outcome(&self) -> Result<()> {
        let xpath = "//section[@aria-labelledby='result-heading'] | //div[@role='alert']";
        self.session
            .wait_for("a result or an alert", Duration::from_secs(10), || {
                for found in self.session.find_all(xpath)? {
                    if found.is_displayed()? {
                        return Ok(Some(()));
                    }
                }
                Ok(None)
            })
    }

    /// What the clipboard holds (grants clipboard-read to the page's origin first).
    pub fn clipboard(&self) -> Result<String> {
        self.session.set_permission("clipboard-read", "granted")?;
        let v = self.session.execute_async(
            "const done = arguments[arguments.length - 1];\
             navigator.clipboard.readText().then(done, e => done('CLIPBOARD ERROR: ' + e));",
            vec![],
        )?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    /// The `config.sh` command this mock's token makes for `org`.
    pub fn expected_command(&self, org: &str) -> String {
        format!(
            "./config.sh --url {}/{org} --token {}",
            self.mock.url(),
            mock_github::scenario::TOKEN
        )
    }

    /// Every place in the browser a token could linger, as text.
    pub fn browser_traces(&self) -> Result<String> {
        let v: Value = self.session.execute(
            "const dump = s => { const o = {}; for (let i = 0; i < s.length; i++) { const k = s.key(i); o[k] = s.getItem(k); } return o; };\
             return JSON.stringify({ local: dump(localStorage), session: dump(sessionStorage), cookies: document.cookie,\
                                      url: location.href, history: history.length, title: document.title });",
            vec![],
        )?;
        let console = self.console()?.join("\n");
        Ok(format!("{}\n{console}", v.as_str().unwrap_or_default()))
    }

    /// The labels of the runner `name`'s row in the Runners table, as its chips read, joined
    /// by ", ".
    pub fn runner_labels(&self, name: &str) -> Result<String> {
        let chips = self.session.find_all(&format!(
            "//table[caption]//tr[th[@scope='row'][starts-with(normalize-space(.), {})]]//ul[@aria-label='Labels']/li",
            lit(name)
        ))?;
        Ok(chips.iter().map(Element::text).collect::<Result<Vec<_>>>()?.join(", "))
    }

    /// Shows the page on a screen of `size` CSS pixels (`None`: the window's own), a phone's
    /// when narrow (the page's viewport meta applies), in the `scheme` colour scheme.
    pub fn emulate(&self, size: Option<(u32, u32)>, scheme: &str) -> Result<()> {
        if let Some((width, height)) = size {
            self.session.cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
            )?;
        }
        self.session.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )?;
        Ok(())
    }

    /// Whether the page is wider than `width` CSS pixels (it would scroll sideways): `None` when
    /// it fits, else its width and the innermost elements that stick out.
    pub fn wider_than(&self, width: u32) -> Result<Option<String>> {
        let found = self.session.execute(
            "const w = arguments[0]; const sw = document.documentElement.scrollWidth;\
             if (sw <= w && window.innerWidth <= w) return null;\
             const out = [];\
             for (const e of document.body.querySelectorAll('*')) {\
               const r = e.getBoundingClientRect();\
               if (r.right > w + 1 && r.width > 0 && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1)) {\
                 out.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + JSON.stringify((e.textContent || '').trim().slice(0, 40)) + ' ends at ' + Math.round(r.right));\
                 if (out.length >= 5) break;\
               }\
             }\
             return 'the page is ' + sw + ' px wide (window ' + window.innerWidth + '): ' + out.join('; ');",
            vec![json!(width)],
        )?;
        Ok(found.as_str().map(String::from))
    }

    pub fn wait(&self, what: &str, limit: Duration, probe: impl FnMut() -> Result<Option<()>>) -> Result<()> {
        self.session.wait_for(what, limit, probe)
    }
}

/// Fails with `message` unless `condition` holds.
pub fn check(condition: bool, message: impl Into<String>) -> Result<()> {
    if condition {
        Ok(())
    } else {
        Err(message.into().into())
    }
}

/// Fails unless `haystack` contains `needle`, showing both.
pub fn check_contains(haystack: &str, needle: &str) -> Result<()> {
    check(
        haystack.contains(needle),
        format!("expected {needle:?} in:\n{haystack}"),
    )
}
