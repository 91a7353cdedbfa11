//! `scripts/bench`: the release page against a plain baseline page (tests/bench/baseline), in
//! the same headless Chromium on the same loopback mock. Prints one Markdown report: transfer
//! sizes, time to an interactive form and from click to result (medians, and the ratio to the
//! baseline), large renders, and where the wasm's bytes go. A benchmark, not a test: nothing
//! here passes or fails on time.

// The e2e tests' WebDriver client; the benchmark uses part of it.
#[allow(dead_code)]
#[path = "../e2e/webdriver.rs"]
mod webdriver;

use mock_github::fleet::fleet_scope;
use mock_github::scenario::org;
use mock_github::{MockGithub, StaticSite};
use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use webdriver::Session;

const RUNS: usize = 11;
/// Runs per page under the mobile profile (each one waits on a slow link).
const MOBILE_RUNS: usize = 5;
const TOKEN: &str = "ghp_benchToken0123456789abcdefABCDEF0123";

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dist = root.join("dist");
    if !dist.join("index.html").exists() {
        eprintln!("bench: no built page in dist/: run scripts/bench");
        std::process::exit(1);
    }
    let chrome = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let (mut driver, driver_url) =
        start_chromedriver(&std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()));
    let page_site = StaticSite::start(&dist).expect("serve dist/");
    let baseline_site = StaticSite::start(root.join("tests/bench/baseline")).expect("serve the baseline");
    let mock = MockGithub::start().expect("the mock API");
    let api = mock.ghes_url();

    println!("# runner-token benchmark\n");
    println!("Headless Chromium, loopback, no throttling; medians of {RUNS} runs, each in a fresh browser profile.\n");
    sizes(&dist, &root.join("tests/bench/baseline"));

    let bench = Bench {
        driver_url: &driver_url,
        chrome: &chrome,
        mobile: false,
    };
    let page_url = format!("{}/?api={api}", page_site.url());
    let baseline_url = format!("{}/?", baseline_site.url());
    let mut rows = Vec::new();
    for (label, org_name) in [
        ("click to result", "octo-org"),
        ("click to result, 1,000 repositories", org::THOUSAND_REPOS),
    ] {
        let ours: Vec<(f64, f64, f64)> = (0..RUNS).map(|_| bench.run(&page_url, org_name, &api, false)).collect();
        let base: Vec<(f64, f64, f64)> = (0..RUNS)
            .map(|_| bench.run(&baseline_url, org_name, &api, true))
            .collect();
        if rows.is_empty() {
            rows.push((
                "interactive".to_string(),
                median(ours.iter().map(|r| r.0)),
                median(base.iter().map(|r| r.0)),
            ));
        }
        rows.push((
            label.to_string(),
            median(ours.iter().map(|r| r.1)),
            median(base.iter().map(|r| r.1)),
        ));
        // Where the click's time goes: until the answer is in, then rendering it.
        rows.push((
            format!("{label}: of which the request"),
            median(ours.iter().map(|r| r.2)),
            median(base.iter().map(|r| r.2)),
        ));
    }
    println!("## Speed (ms)\n\n| measure | runner-token | baseline | ratio |\n|---|---:|---:|---:|");
    for (label, ours, base) in &rows {
        println!("| {label} | {ours:.1} | {base:.1} | {:.2}× |", ours / base);
    }
    let (render, keystroke) = bench.runners(&page_site.url(), &api);
    println!("| 5,000 runners: last page to rendered table | {render:.1} | | |");
    println!("| 5,000 runners: one filter keystroke to the next frame | {keystroke:.1} | | |\n");
    mobile(&bench, &dist, &root.join("tests/bench/baseline"), &api);
    wasm_bytes(&root);
    let _ = driver.kill();
    let _ = driver.wait();
}

/// The same two measures under a mobile profile: 4× CPU slowdown, 1.6 Mbps down, 750 kbps up,
/// 150 ms round trips (Lighthouse's slow 4G), both pages served gzip-compressed as a static host
/// would (precompressed copies in target/bench-gzip).
fn mobile(bench: &Bench, dist: &Path, baseline: &Path, api: &str) {
    let served = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-gzip");
    let (page, base) = (
        gzip_copy(dist, &served.join("page")),
        gzip_copy(baseline, &served.join("baseline")),
    );
    let (page_site, baseline_site) = (
        StaticSite::start(&page).expect("serve the page"),
        StaticSite::start(&base).expect("serve the baseline"),
    );
    let bench = Bench { mobile: true, ..*bench };
    let page_url = format!("{}/?api={api}", page_site.url());
    let baseline_url = format!("{}/?", baseline_site.url());
    let ours: Vec<_> = (0..MOBILE_RUNS)
        .map(|_| bench.run(&page_url, "octo-org", api, false))
        .collect();
    let base: Vec<_> = (0..MOBILE_RUNS)
        .map(|_| bench.run(&baseline_url, "octo-org", api, true))
        .collect();
    println!("## Mobile profile (ms)\n");
    println!(
        "4× CPU slowdown, 1.6 Mbps down, 750 kbps up, 150 ms round trips, gzip served; medians of {MOBILE_RUNS}.\n"
    );
    println!("| measure | runner-token | baseline | ratio |\n|---|---:|---:|---:|");
    for (label, pick) in [
        ("interactive", 0),
        ("click to result", 1),
        ("click to result: of which the request", 2),
    ] {
        let of = |runs: &[(f64, f64, f64)]| median(runs.iter().map(|r| [r.0, r.1, r.2][pick]));
        let (o, b) = (of(&ours), of(&base));
        println!("| {label} | {o:.1} | {b:.1} | {:.2}× |", o / b);
    }
    println!();
}

/// A copy of `from` with a `NAME.gz` (gzip -9) beside each file, in `to`.
fn gzip_copy(from: &Path, to: &Path) -> PathBuf {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).expect("target/bench-gzip");
    for entry in std::fs::read_dir(from)
        .expect("the site")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
    {
        let target = to.join(entry.file_name());
        std::fs::copy(entry.path(), &target).expect("copy");
        let ok = Command::new("gzip")
            .args(["-9", "-k", "-f"])
            .arg(&target)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "gzip {}", target.display());
    }
    to.to_path_buf()
}

#[derive(Clone, Copy)]
struct Bench<'a> {
    driver_url: &'a str,
    chrome: &'a str,
    /// Throttle CPU and network as a mid-range phone on slow 4G.
    mobile: bool,
}

impl Bench<'_> {
    fn session(&self) -> Session {
        let args: Vec<Value> = [
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
        .map(|a| json!(a))
        .collect();
        let caps = json!({ "alwaysMatch": { "browserName": "chrome", "goog:chromeOptions": { "binary": self.chrome, "args": args } } });
        let session = Session::new(self.driver_url, caps).expect("a browser session");
        if self.mobile {
            session
                .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
                .expect("CPU throttling");
            session.cdp("Network.enable", json!({})).expect("network domain");
            let conditions = json!({ "offline": false, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8 });
            session
                .cdp("Network.emulateNetworkConditions", conditions)
                .expect("network throttling");
        }
        session
    }

    /// One cold load of `url`: (ms from navigation start to an enabled submit button, ms from
    /// the click to the result heading on screen, ms from the click to the token request's
    /// answer fully arrived).
    fn run(&self, url: &str, org_name: &str, api: &str, baseline: bool) -> (f64, f64, f64) {
        let s = self.session();
        s.goto(url).expect("navigate");
        let interactive = s
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 const check = () => { const b = document.querySelector('form button[type=submit]'); b && !b.disabled ? done(performance.now()) : requestAnimationFrame(check); };\
                 check();",
                vec![],
            )
            .expect("interactive")
            .as_f64()
            .unwrap_or(f64::NAN);
        let fill = "const set = (id, v) => { const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); };\
                    set(arguments[0], arguments[1]); set('token', arguments[2]); if (arguments[4]) set('api', arguments[3]);";
        s.execute(
            fill,
            vec![json!("org"), json!(org_name), json!(TOKEN), json!(api), json!(baseline)],
        )
        .expect("fill");
        // A person takes seconds to fill the form: the click comes to a settled page, so both
        // pages get to finish what they do once the browser is idle.
        s.execute_async(
            "requestIdleCallback(arguments[arguments.length - 1], { timeout: 1000 });",
            vec![],
        )
        .expect("idle");
        let click = s
            .execute_async(
                "const [org, done] = [arguments[0], arguments[arguments.length - 1]];\
                 const t0 = performance.now();\
                 document.querySelector('form button[type=submit]').click();\
                 const answered = () => { const e = performance.getEntriesByType('resource').filter(e => e.name.includes('registration-token')).pop(); return e ? e.responseEnd - t0 : -1; };\
                 const check = () => { const h = document.getElementById('result-heading'); h && h.textContent.includes(org) && h.offsetParent !== null ? done([performance.now() - t0, answered()]) : requestAnimationFrame(check); };\
                 check();",
                vec![json!(org_name)],
            )
            .expect("result");
        let at = |i: usize| click.get(i).and_then(Value::as_f64).unwrap_or(f64::NAN);
        (interactive, at(0), at(1))
    }

    /// Median (last page arrived → table rendered, filter keystroke → next frame) at 5,000 runners.
    fn runners(&self, site: &str, api: &str) -> (f64, f64) {
        let mut render = Vec::new();
        let mut keystroke = Vec::new();
        for _ in 0..5 {
            let s = self.session();
            s.goto(&format!("{site}/?org={}&api={api}", fleet_scope::HUGE))
                .expect("navigate");
            s.execute_async(
                "const done = arguments[arguments.length - 1]; const t = arguments[0];\
                 const check = () => { const e = document.getElementById('token'); if (!e) return requestAnimationFrame(check);\
                 e.value = t; e.dispatchEvent(new Event('input', { bubbles: true })); setTimeout(done, 50); };\
                 check();",
                vec![json!(TOKEN)],
            )
            .expect("token");
            let timing = s
                .execute_async(
                    "const done = arguments[arguments.length - 1];\
                     const button = () => [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Show runners' && !b.disabled);\
                     const start = () => { const b = button(); if (!b) return requestAnimationFrame(start); b.click(); check(); };\
                     const check = () => {\
                       const s = document.querySelector('.summary');\
                       if (s && s.textContent.startsWith('5,000 runners') && !document.body.textContent.includes('Loading runners')) {\
                         const rendered = performance.now();\
                         const last = performance.getEntriesByType('resource').filter(e => e.name.endsWith('page=50'));\
                         done(last.length ? rendered - last[0].responseEnd : -1);\
                       } else requestAnimationFrame(check);\
                     };\
                     start();",
                    vec![],
                )
                .expect("runners");
            render.push(timing.as_f64().unwrap_or(f64::NAN));
            let key = s
                .execute_async(
                    "const done = arguments[arguments.length - 1];\
                     const input = document.getElementById('runner-filter'); const before = document.querySelector('.summary').textContent;\
                     const t0 = performance.now(); input.value = 'pool-3'; input.dispatchEvent(new Event('input', { bubbles: true }));\
                     const check = () => document.querySelector('.summary').textContent !== before ? done(performance.now() - t0) : requestAnimationFrame(check);\
                     check();",
                    vec![],
                )
                .expect("keystroke");
            keystroke.push(key.as_f64().unwrap_or(f64::NAN));
        }
        (median(render.into_iter()), median(keystroke.into_iter()))
    }
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Transfer size of each file: raw, gzip -9 and brotli (quality 11, through Node's zlib).
fn sizes(dist: &Path, baseline: &Path) {
    println!("## Transfer size (bytes)\n\n| file | raw | gzip -9 | brotli |\n|---|---:|---:|---:|");
    let mut totals = (0, 0, 0);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dist)
        .expect("dist/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.retain(|p| {
        matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("html" | "js" | "wasm" | "css")
        )
    });
    files.sort();
    for file in &files {
        let (raw, gz, br) = compressed(file);
        totals = (totals.0 + raw, totals.1 + gz, totals.2 + br);
        println!(
            "| {} | {raw} | {gz} | {br} |",
            file.file_name().and_then(|n| n.to_str()).unwrap_or("?")
        );
    }
    println!(
        "| **runner-token, whole page** | **{}** | **{}** | **{}** |",
        totals.0, totals.1, totals.2
    );
    let (mut raw, mut gz, mut br) = (0, 0, 0);
    for name in ["index.html", "baseline.js"] {
        let (r, g, b) = compressed(&baseline.join(name));
        raw += r;
        gz += g;
        br += b;
    }
    println!("| baseline, whole page | {raw} | {gz} | {br} |\n");
}

fn compressed(file: &Path) -> (u64, u64, u64) {
    let raw = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let count = |cmd: &mut Command| {
        cmd.stdout(Stdio::piped())
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().parse().unwrap_or(0))
            .unwrap_or(0)
    };
    let gz = count(
        Command::new("sh")
            .arg("-c")
            .arg(format!("gzip -9c '{}' | wc -c", file.display())),
    );
    let br = count(Command::new("node").arg("-e").arg(
        "const z = require('zlib'); const b = require('fs').readFileSync(process.argv[1]);\
         process.stdout.write(String(z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length));",
    ).arg(file));
    (raw, gz, br)
}

/// The largest crates and functions of the wasm as linked (before wasm-bindgen and wasm-opt strip
/// the names), from twiggy.
fn wasm_bytes(root: &Path) {
    let wasm = root.join("target/wasm32-unknown-unknown/release/runner-token.wasm");
    let out = Command::new("twiggy")
        .args(["top", "-n", "100000", "--format", "csv"])
        .arg(&wasm)
        .output();
    let Some(out) = out.ok().filter(|o| o.status.success()) else {
        println!("## Where the wasm's bytes go\n\ntwiggy is not installed (scripts/bench installs it).\n");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let mut crates: std::collections::BTreeMap<String, u64> = Default::default();
    let mut functions: Vec<(u64, String)> = Vec::new();
    for line in text.lines().skip(1) {
        // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent: the name may
        // hold commas (it is quoted then), the four numbers never do.
        let fields: Vec<&str> = line.rsplitn(5, ',').collect();
        let (Some(size), Some(name)) = (fields.get(3), fields.get(4)) else {
            continue;
        };
        let Ok(size) = size.parse::<u64>() else { continue };
        let name = name.trim_matches('"').replace("\"\"", "\"");
        let name = name.as_str();
        // Sections and wasm-bindgen's describe functions are gone by the time the wasm ships.
        if name.starts_with("custom section") || name.contains("function names") || name.contains("__wbindgen_describe")
        {
            continue;
        }
        crates.entry(crate_of(name)).and_modify(|s| *s += size).or_insert(size);
        functions.push((size, name.to_string()));
    }
    let mut crates: Vec<(u64, String)> = crates.into_iter().map(|(k, v)| (v, k)).collect();
    crates.sort_by(|a, b| b.cmp(a));
    functions.sort_by(|a, b| b.cmp(a));
    println!("## Where the wasm's bytes go (linked, before wasm-opt; shallow bytes)\n\n| crate | bytes |\n|---|---:|");
    for (size, name) in crates.iter().take(15) {
        println!("| {name} | {size} |");
    }
    println!("\n| function | bytes |\n|---|---:|");
    for (size, name) in functions.iter().take(15) {
        let short: String = name.chars().take(110).collect();
        println!("| `{}` | {size} |", short.replace('|', "\\|"));
    }
    println!();
}

/// The crate an item belongs to: its path's first segment (inside `<impl ... for ...>` the
/// implementing type's), `data` for data segments.
fn crate_of(name: &str) -> String {
    if name.starts_with("data segment") {
        return "(data)".into();
    }
    if name.starts_with("import ") || name.starts_with("export ") {
        return "(imports and exports)".into();
    }
    // `<T as tachys::view::Render>::build`: the trait's crate.
    let name = match name.strip_prefix('<').and_then(|rest| rest.split_once(" as ")) {
        Some((_, trait_path)) => trait_path,
        None => name,
    };
    let name = name
        .trim_start_matches('<')
        .trim_start_matches("impl ")
        .trim_start_matches('&')
        .trim_start_matches("mut ");
    let head = name.split("::").next().unwrap_or(name);
    let head = head.split('[').next().unwrap_or(head);
    if head.is_empty() || head.contains(' ') {
        "(other)".into()
    } else {
        head.to_string()
    }
}

fn start_chromedriver(path: &str) -> (std::process::Child, String) {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let child = Command::new(path)
        .arg(format!("--port={port}"))
        .arg("--allowed-ips=127.0.0.1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver");
    let url = format!("http://127.0.0.1:{port}");
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(15) {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            std::thread::sleep(Duration::from_millis(200));
            return (child, url);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("chromedriver did not start");
}
