//! A small synchronous W3C WebDriver client: exactly the commands these tests use, over ureq.

use libtest_mimic::Failed;
use serde_json::{json, Value};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub type Result<T> = std::result::Result<T, Failed>;

/// The W3C key under which an element reference travels.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// A browser session. Closing it (or dropping it) quits the browser.
pub struct Session {
    base: String,
    agent: ureq::Agent,
}

#[derive(Clone)]
pub struct Element<'a> {
    session: &'a Session,
    id: String,
}

impl Session {
    pub fn new(driver_url: &str, capabilities: Value) -> Result<Self> {
        let agent = agent();
        let value = call(
            &agent,
            "POST",
            &format!("{driver_url}/session"),
            Some(json!({ "capabilities": capabilities })),
        )?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session id in {value}"))?
            .to_string();
        Ok(Self {
            base: format!("{driver_url}/session/{id}"),
            agent,
        })
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        call(&self.agent, method, &format!("{}{path}", self.base), body)
    }

    pub fn goto(&self, url: &str) -> Result<()> {
        self.cmd("POST", "/url", Some(json!({ "url": url }))).map(drop)
    }

    /// Presses and releases each key of `keys` in turn, on whatever has focus (WebDriver key
    /// actions): a person at the keyboard. Special keys are WebDriver's code points (Tab is
    /// `\u{E004}`, Enter `\u{E007}`, Escape `\u{E00C}`, arrows `\u{E012}`-`\u{E015}`); a
    /// `\u{E008}` (Shift) before a key holds Shift for that key.
    pub fn keys(&self, keys: &str) -> Result<()> {
        let mut actions = Vec::new();
        let mut shift = false;
        for key in keys.chars() {
            if key == '\u{E008}' {
                shift = true;
                actions.push(json!({ "type": "keyDown", "value": key.to_string() }));
                continue;
            }
            actions.push(json!({ "type": "keyDown", "value": key.to_string() }));
            actions.push(json!({ "type": "keyUp", "value": key.to_string() }));
            if shift {
                actions.push(json!({ "type": "keyUp", "value": "\u{E008}" }));
                shift = false;
            }
        }
        let body = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] });
        self.cmd("POST", "/actions", Some(body))?;
        self.cmd("DELETE", "/actions", None).map(drop)
    }

    /// Reloads the page (WebDriver Refresh): a real reload, even when the address has a fragment.
    pub fn refresh(&self) -> Result<()> {
        self.cmd("POST", "/refresh", Some(json!({}))).map(drop)
    }

    pub fn current_url(&self) -> Result<String> {
        Ok(self.cmd("GET", "/url", None)?.as_str().unwrap_or_default().to_string())
    }

    pub fn find_all(&self, xpath: &str) -> Result<Vec<Element<'_>>> {
        let found = self.cmd("POST", "/elements", Some(json!({ "using": "xpath", "value": xpath })))?;
        Ok(found
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| self.element(e))
            .collect())
    }

    fn element(&self, reference: &Value) -> Option<Element<'_>> {
        let id = reference.as_object()?.values().next()?.as_str()?.to_string();
        Some(Element { session: self, id })
    }

    /// Waits up to 10 s for exactly the first match of `xpath` to exist.
    pub fn find(&self, xpath: &str) -> Result<Element<'_>> {
        self.wait_for(&format!("an element matching {xpath}"), Duration::from_secs(10), || {
            Ok(self.find_all(xpath)?.into_iter().next())
        })
    }

    /// Polls `probe` until it yields `Some`, or fails naming `what` after `limit`.
    pub fn wait_for<T>(&self, what: &str, limit: Duration, mut probe: impl FnMut() -> Result<Option<T>>) -> Result<T> {
        let start = Instant::now();
        loop {
            if let Some(v) = probe()? {
                return Ok(v);
            }
            if start.elapsed() > limit {
                return Err(format!("timed out after {limit:?} waiting for {what}").into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.cmd("POST", "/execute/sync", Some(json!({ "script": script, "args": args })))
    }

    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.cmd(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// The Permissions extension command (chromedriver supports it).
    pub fn set_permission(&self, name: &str, state: &str) -> Result<()> {
        self.cmd(
            "POST",
            "/permissions",
            Some(json!({ "descriptor": { "name": name }, "state": state })),
        )
        .map(drop)
    }

    /// A Chrome DevTools Protocol command, through chromedriver's `goog/cdp/execute`.
    pub fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            Some(json!({ "cmd": cmd, "params": params })),
        )
    }

    /// DevTools protocol events the browser logged since the last call (chromedriver's
    /// `performance` log): each the event's JSON (`{"message": {"method": ..., "params": ...}}`).
    pub fn performance_log(&self) -> Result<Vec<Value>> {
        let entries = self.cmd("POST", "/se/log", Some(json!({ "type": "performance" })))?;
        Ok(entries
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| serde_json::from_str(e["message"].as_str()?).ok())
            .collect())
    }

    /// Console messages the browser logged since the last call (chromedriver's log endpoint).
    pub fn console_log(&self) -> Result<Vec<String>> {
        let entries = self.cmd("POST", "/se/log", Some(json!({ "type": "browser" })))?;
        Ok(entries
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| e["message"].as_str().unwrap_or_default().to_string())
            .collect())
    }

    /// What the window shows, as PNG (scripts/screenshots).
    #[allow(dead_code)]
    pub fn screenshot_png(&self) -> Result<Vec<u8>> {
        let b64 = self.cmd("GET", "/screenshot", None)?;
        decode_base64(b64.as_str().unwrap_or_default())
    }

    pub fn set_window_size(&self, width: u32, height: u32) -> Result<()> {
        self.cmd(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        )
        .map(drop)
    }

    pub fn minimize(&self) -> Result<()> {
        self.cmd("POST", "/window/minimize", Some(json!({}))).map(drop)
    }

    pub fn close(&self) {
        let _ = self.cmd("DELETE", "", None);
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.close();
    }
}

impl Element<'_> {
    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        self.session.cmd(method, &format!("/element/{}{path}", self.id), body)
    }

    /// As a script argument.
    pub fn as_arg(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    pub fn click(&self) -> Result<()> {
        self.cmd("POST", "/click", Some(json!({}))).map(drop)
    }

    pub fn clear(&self) -> Result<()> {
        self.cmd("POST", "/clear", Some(json!({}))).map(drop)
    }

    pub fn type_text(&self, text: &str) -> Result<()> {
        self.cmd("POST", "/value", Some(json!({ "text": text }))).map(drop)
    }

    /// Replaces the field's content with `text`, as a person selecting all and typing would
    /// (WebDriver's clear fires no `input` event, so emptying types a character and Backspace).
    pub fn fill(&self, text: &str) -> Result<()> {
        self.clear()?;
        if text.is_empty() {
            self.type_text("x")?;
            return self.type_text("\u{E003}");
        }
        self.type_text(text)
    }

    /// The rendered text, as a person reads it.
    pub fn text(&self) -> Result<String> {
        Ok(self.cmd("GET", "/text", None)?.as_str().unwrap_or_default().to_string())
    }

    pub fn attribute(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .cmd("GET", &format!("/attribute/{name}"), None)?
            .as_str()
            .map(str::to_string))
    }

    pub fn property(&self, name: &str) -> Result<Value> {
        self.cmd("GET", &format!("/property/{name}"), None)
    }

    /// Whether the element is rendered where a person can see it (WebDriver's displayedness).
    /// An element the page has removed since it was found is not displayed.
    pub fn is_displayed(&self) -> Result<bool> {
        match self.cmd("GET", "/displayed", None) {
            Ok(shown) => Ok(shown.as_bool().unwrap_or(false)),
            Err(e) if e.message().is_some_and(|m| m.contains("stale element reference")) => Ok(false),
            Err(e) => Err(e),
        }
    }

    pub fn is_enabled(&self) -> Result<bool> {
        Ok(self.cmd("GET", "/enabled", None)?.as_bool().unwrap_or(false))
    }

    /// The accessible name the browser computes (what a screen reader announces).
    pub fn accessible_name(&self) -> Result<String> {
        Ok(self
            .cmd("GET", "/computedlabel", None)?
            .as_str()
            .unwrap_or_default()
            .to_string())
    }
}

fn call(agent: &ureq::Agent, method: &str, url: &str, body: Option<Value>) -> Result<Value> {
    let response = match (method, body) {
        ("GET", _) => agent.get(url).call(),
        ("DELETE", _) => agent.delete(url).call(),
        (_, body) => agent.post(url).send_json(body.unwrap_or_else(|| json!({}))),
    };
    let mut response = response.map_err(|e| format!("WebDriver {method} {url}: {e}"))?;
    let status = response.status();
    let value: Value = response
        .body_mut()
        .read_json()
        .map_err(|e| format!("WebDriver {method} {url}: bad JSON: {e}"))?;
    if !status.is_success() {
        let v = &value["value"];
        return Err(format!(
            "WebDriver {method} {url} failed ({status}): {} {}",
            v["error"], v["message"]
        )
        .into());
    }
    Ok(value["value"].clone())
}

#[allow(dead_code)]
fn decode_base64(s: &str) -> Result<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=') {
        let v = ALPHABET
            .iter()
            .position(|&a| a == c)
            .ok_or("bad base64 in screenshot")? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}

/// Starts chromedriver (`path`) on a free loopback port, and waits until it answers: the child
/// to stop when done, and its URL.
pub fn start_chromedriver(path: &str) -> std::result::Result<(Child, String), String> {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let mut child = Command::new(path)
        .arg(format!("--port={port}"))
        .arg("--allowed-ips=127.0.0.1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let url = format!("http://127.0.0.1:{port}");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(2)))
        .build()
        .into();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(15) {
        if agent.get(&format!("{url}/status")).call().is_ok() {
            return Ok((child, url));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    Err("chromedriver did not answer within 15 s".into())
}
