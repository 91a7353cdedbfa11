//! `scripts/bench`: the release page against two plain pages, in the same headless Chromium on
//! the same loopback mock: a minimal baseline (tests/bench/minimal: the core request, token and
//! command only) and today's plain baseline (tests/bench/baseline: also the expiry and the
//! repositories). With `BENCH_BEFORE_DIST=/path/to/dist`, a second build of the page ("before")
//! is measured beside this one ("now") in the same run.
//!
//! Every time is taken inside the page, by tests/bench/probe.js, which the DevTools protocol
//! (`Page.addScriptToEvaluateOnNewDocument`) installs before any of the page's scripts: a
//! MutationObserver marks `performance.now()` when a watched thing first appears, a capturing
//! listener marks the click's event time, and resource timing gives when an answer arrived.
//! The WebDriver client only reads the marks, so its own round trips are in no measure, and
//! every page is measured by the same script.
//!
//! Prints one Markdown report. A benchmark, not a test: nothing here passes or fails on time;
//! budgets are printed beside the numbers.

// The e2e tests' WebDriver client; the benchmark uses part of it.
#[allow(dead_code)]
#[path = "../e2e/webdriver.rs"]
mod webdriver;

use mock_github::fleet::fleet_scope;
use mock_github::scenario::org;
use mock_github::{MockGithub, StaticSite};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use webdriver::Session;

const RUNS: usize = 11;
/// `RUNS`, or `BENCH_RUNS` when set (more runs for a finer A/B).
fn runs() -> usize {
    std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(RUNS)
}
/// Runs per page under the mobile profile (each one waits on a slow link).
const MOBILE_RUNS: usize = 5;
/// Runs per page of the 5,000-runner list and of each tab's first use.
const RUNNER_RUNS: usize = 5;
const TAB_RUNS: usize = 3;
const TOKEN: &str = "ghp_benchToken0123456789abcdefABCDEF0123";
/// How long a new browser is left alone before it loads the page. Chromium's own start-up work
/// (its processes, profile, services) otherwise runs beside the first load on this 2-core
/// machine: measured on the minimal page, a median of 185 ms to interactive (87-287) straight
/// after the launch, 78 ms (51-122) a second later. A person's browser is already running; the
/// page still loads cold (a fresh profile, nothing cached).
const BROWSER_SETTLE: Duration = Duration::from_millis(1000);
/// What the fleet measures share: `done`, a button by its text (enabled), a status by its text.
const FLEET_JS: &str = "const done = arguments[arguments.length - 1];\
    const find = (t) => [...document.querySelectorAll('button')].find(b => b.textContent.trim() === t && !b.disabled);\
    const statusReads = (t) => [...document.querySelectorAll('[role=status]')].some(s => s.textContent.trim() === t);";
/// A measure that gave no figure: says why on stderr, and leaves the cell empty.
fn no_figure(what: &str, error: impl std::fmt::Debug) -> serde_json::Value {
    eprintln!("bench: {what}: no figure: {error:?}");
    serde_json::Value::Null
}

/// The in-page observers (see the file).
const PROBE: &str = include_str!("probe.js");

/// One page the bench measures: a column of the report.
struct Target {
    /// The column's name: before, now, minimal, plain, leptos floor.
    label: &'static str,
    dir: PathBuf,
    /// runner-token itself (takes `?api=`, has the runner list), not a baseline page.
    app: bool,
}

/// A budget: at most `ratio` times the minimal baseline (reported, not enforced).
type Budget = Option<f64>;

/// One line of a speed table: a value per target (NaN where the measure does not apply).
struct Row {
    label: String,
    values: Vec<f64>,
    budget: Budget,
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dist = root.join("dist");
    if !dist.join("index.html").exists() {
        eprintln!("bench: no built page in dist/: run scripts/bench");
        std::process::exit(1);
    }
    let before = std::env::var_os("BENCH_BEFORE_DIST").map(PathBuf::from);
    if let Some(b) = &before {
        if !b.join("index.html").exists() {
            eprintln!("bench: BENCH_BEFORE_DIST={} has no index.html", b.display());
            std::process::exit(1);
        }
    }
    let mut targets = Vec::new();
    if let Some(dir) = before.clone() {
        targets.push(Target {
            label: "before",
            dir,
            app: true,
        });
    }
    targets.extend([
        Target {
            label: "now",
            dir: dist.clone(),
            app: true,
        },
        Target {
            label: "minimal",
            dir: root.join("tests/bench/minimal"),
            app: false,
        },
        Target {
            label: "plain",
            dir: root.join("tests/bench/baseline"),
            app: false,
        },
    ]);
    // Built by scripts/bench: the minimal page's job with this page's stack (framework and all).
    let floor = root.join("tests/bench/leptos-floor/dist");
    if floor.join("index.html").exists() {
        targets.push(Target {
            label: "leptos floor",
            dir: floor,
            app: false,
        });
    }
    // `BENCH_PAGES=now,minimal`: only these columns, for a quicker A/B (the minimal page always,
    // since every ratio is to it).
    if let Ok(pages) = std::env::var("BENCH_PAGES") {
        targets.retain(|t| t.label == "minimal" || pages.split(',').any(|p| p.trim() == t.label));
    }

    let chrome = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let (mut driver, driver_url) = webdriver::start_chromedriver(
        &std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()),
    )
    .expect("chromedriver");
    let mock = MockGithub::start().expect("the mock API");
    let api = mock.ghes_url();
    let started = Instant::now();
    let load_start = load_average();

    println!("# runner-token benchmark\n");
    println!(
        "Headless Chromium on loopback, each run in a fresh browser profile (left alone {} ms after its launch, then one cold load), pages taken in turn.",
        BROWSER_SETTLE.as_millis()
    );
    println!("Columns: **now** is dist/ (this build){}, **minimal** the minimal baseline (tests/bench/minimal: form → POST registration-token → token and config.sh command), **plain** today's plain baseline (tests/bench/baseline: also the expiry and the repositories), **leptos floor** the minimal baseline's job written with this page's stack and release profile (tests/bench/leptos-floor: what the framework itself costs). Ratios are to the minimal baseline.", if before.is_some() { ", **before** is BENCH_BEFORE_DIST" } else { "" });
    println!("Times are taken in the page (performance.now(), marked by observers installed before any of the page's scripts), never by the WebDriver client.\n");
    if wanted("sizes") {
        sizes(&targets);
    }

    let bench = Bench {
        driver_url: &driver_url,
        chrome: &chrome,
        mobile: false,
    };
    let sites: Vec<StaticSite> = targets
        .iter()
        .map(|t| StaticSite::start(&t.dir).expect("serve a page"))
        .collect();
    let urls: Vec<String> = targets.iter().zip(&sites).map(|(t, s)| page_url(t, s, &api)).collect();

    if wanted("speed") || wanted("runners") || wanted("click") {
        speed(&bench, &targets, &sites, &urls, &api);
    }
    if wanted("chunks") {
        chunks(&bench, &targets, &sites, &api);
    }
    if wanted("mobile") {
        mobile(&bench, &targets, &api);
    }
    if wanted("wasm") {
        let mut wasms = Vec::new();
        if let Some(b) = &before {
            wasms.push(("before", linked_wasm(&b.join(".."))));
        }
        wasms.push(("now", linked_wasm(&root)));
        wasm_bytes(&wasms);
    }
    println!(
        "Bench run time: {:.0} s. Load average (1 min) of the machine: {} at the start, {} at the end: other work on it slows every page's fixed costs (most visible on the small pages).",
        started.elapsed().as_secs_f64(),
        load_start,
        load_average()
    );
    let _ = driver.kill();
    let _ = driver.wait();
}

/// Whether the report has `section` (sizes, speed, chunks, mobile, wasm): all of them, or those
/// named in `BENCH_ONLY` (comma-separated), for a quicker look at one. `runners` alone gives the
/// 5,000-runner rows of the speed table without its page loads.
fn wanted(section: &str) -> bool {
    std::env::var("BENCH_ONLY").map_or(true, |only| only.split(',').any(|s| s.trim() == section))
}

/// Load, click and result of every page, and the 5,000-runner list of runner-token's builds.
fn speed(bench: &Bench, targets: &[Target], sites: &[StaticSite], urls: &[String], api: &str) {
    let mut rows = Vec::new();
    let mut interactive: Vec<Vec<f64>> = vec![Vec::new(); targets.len()];
    // `BENCH_ONLY=runners`: only the 5,000-runner rows.
    // `BENCH_ONLY=click`: interactive and the first click row alone, for a quicker A/B.
    let loads_wanted = wanted("speed") || wanted("click");
    let whole = wanted("speed");
    for (label, org_name, budget) in [
        ("click to result", "octo-org", Some(1.5)),
        ("click to result, 1,000 repositories", org::THOUSAND_REPOS, None),
    ]
    .into_iter()
    .filter(|_| loads_wanted)
    .take(if whole { 2 } else { 1 })
    {
        let loads = bench.loads(targets, urls, org_name, api, runs());
        for (all, these) in interactive.iter_mut().zip(&loads) {
            all.extend(these.iter().map(|l| l.interactive));
        }
        rows.push(Row {
            label: label.to_string(),
            values: loads.iter().map(|l| median(l.iter().map(|l| l.click))).collect(),
            budget,
        });
        // Where the click's time goes: until the answer is in, then rendering it.
        rows.push(Row {
            label: format!("{label}: of which the request"),
            values: loads.iter().map(|l| median(l.iter().map(|l| l.request))).collect(),
            budget: None,
        });
        rows.push(Row {
            label: format!("{label}: after the answer"),
            values: loads
                .iter()
                .map(|l| median(l.iter().map(|l| l.click - l.request)))
                .collect(),
            budget: None,
        });
    }
    if loads_wanted {
        rows.insert(
            0,
            Row {
                label: "interactive".into(),
                values: interactive.into_iter().map(|v| median(v.into_iter())).collect(),
                budget: Some(2.0),
            },
        );
    }
    let runners: Vec<Option<[f64; 4]>> = targets
        .iter()
        .zip(sites)
        .map(|(t, s)| (t.app && (whole || wanted("runners"))).then(|| bench.runners(&s.url())))
        .collect();
    for (i, label) in [
        "5,000 runners: last page to rendered table",
        "5,000 runners: one filter keystroke to the updated list",
        "5,000 runners: Select all shown (1,666 offline) to all selected",
        "5,000 runners: a filter keystroke during a removal run",
    ]
    .into_iter()
    .enumerate()
    {
        rows.push(Row {
            label: label.into(),
            values: runners.iter().map(|r| r.map_or(f64::NAN, |r| r[i])).collect(),
            budget: None,
        });
    }
    println!("## Speed (ms, no throttling)\n");
    println!(
        "Medians of {} runs ({} for interactive: every load counts), {RUNNER_RUNS} for the runner list.\n",
        runs(),
        2 * runs()
    );
    table(targets, &rows);
    println!("- interactive: navigation start to the form's submit button present and enabled.");
    println!("- click to result: the click event's time to the result heading, the token and the config.sh command all on the page. The click is a real one (WebDriver element click) on a settled page (after an idle callback), as a person's would come after pasting a token; of which the request: the click to the POST's answer fully arrived (resource timing responseEnd).");
    println!("- 1,000 repositories: the minimal baseline shows no repository list, the others do.");
    println!("- 5,000 runners (runner-token only): the last page's responseEnd to the table and the summary on the page; a filter keystroke (an input event) to the summary updated; Select all shown under Show Offline (the click's event time) to the count and the first row's checkbox checked; and a filter keystroke once a removal run of those 1,666 has removed its first runner (the run is then stopped).\n");
}

/// The machine's 1-minute load average (Linux), for the report.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

fn page_url(target: &Target, site: &StaticSite, api: &str) -> String {
    if target.app {
        format!("{}/?api={api}", site.url())
    } else {
        format!("{}/?", site.url())
    }
}

/// Prints `rows` with a column per target, the ratios to the minimal baseline, now ÷ before,
/// and the budget.
fn table(targets: &[Target], rows: &[Row]) {
    let idx = |label: &str| targets.iter().position(|t| t.label == label);
    let (minimal, now, before) = (idx("minimal"), idx("now"), idx("before"));
    let ratio_cols: Vec<usize> = (0..targets.len()).filter(|&i| Some(i) != minimal).collect();
    let mut header = String::from("| measure |");
    let mut rule = String::from("|---|");
    for t in targets {
        header += &format!(" {} |", t.label);
        rule += "---:|";
    }
    for &i in &ratio_cols {
        header += &format!(" {} ÷ minimal |", targets[i].label);
        rule += "---:|";
    }
    if before.is_some() {
        header += " now ÷ before |";
        rule += "---:|";
    }
    header += " budget |";
    rule += "---|";
    println!("{header}\n{rule}");
    let ratio = |a: f64, b: f64| {
        if a.is_finite() && b.is_finite() && b > 0.0 {
            format!("{:.2}×", a / b)
        } else {
            String::new()
        }
    };
    for row in rows {
        let mut line = format!("| {} |", row.label);
        for v in &row.values {
            line += &if v.is_finite() {
                format!(" {v:.1} |")
            } else {
                " |".into()
            };
        }
        let min = minimal.map_or(f64::NAN, |m| row.values[m]);
        for &i in &ratio_cols {
            line += &format!(" {} |", ratio(row.values[i], min));
        }
        if let (Some(b), Some(n)) = (before, now) {
            line += &format!(" {} |", ratio(row.values[n], row.values[b]));
        }
        line += &match (row.budget, now) {
            (Some(budget), Some(n)) if min.is_finite() => {
                let met = row.values[n] <= budget * min;
                format!(" ≤ {budget}× minimal: {} |", if met { "met" } else { "not met" })
            }
            _ => " |".into(),
        };
        println!("{line}");
    }
    println!();
}

/// The same loads under a mobile profile: 4× CPU slowdown, 1.6 Mbps down, 750 kbps up, 150 ms
/// round trips (Lighthouse's slow 4G), every page served gzip-compressed as a static host would
/// (precompressed copies in target/bench-gzip).
fn mobile(bench: &Bench, targets: &[Target], api: &str) {
    let served = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-gzip");
    let sites: Vec<StaticSite> = targets
        .iter()
        .map(|t| StaticSite::start(gzip_copy(&t.dir, &served.join(t.label))).expect("serve a page"))
        .collect();
    let urls: Vec<String> = targets.iter().zip(&sites).map(|(t, s)| page_url(t, s, api)).collect();
    let bench = Bench { mobile: true, ..*bench };
    let loads = bench.loads(targets, &urls, "octo-org", api, MOBILE_RUNS);
    let of = |pick: fn(&Load) -> f64| loads.iter().map(|l| median(l.iter().map(pick))).collect();
    let rows = [
        Row {
            label: "interactive".into(),
            values: of(|l| l.interactive),
            budget: Some(2.5),
        },
        Row {
            label: "interactive: of which the code's download (its last file arrived)".into(),
            values: of(|l| l.code_arrived),
            budget: None,
        },
        Row {
            label: "interactive: of which start-up (last code file arrived to interactive)".into(),
            values: of(|l| l.interactive - l.code_arrived),
            budget: None,
        },
        Row {
            label: "click to result".into(),
            values: of(|l| l.click),
            budget: None,
        },
        Row {
            label: "click to result: of which the request".into(),
            values: of(|l| l.request),
            budget: None,
        },
    ];
    println!("## Mobile profile (ms)\n");
    println!(
        "4× CPU slowdown, 1.6 Mbps down, 750 kbps up, 150 ms round trips, gzip served; medians of {MOBILE_RUNS}; measured as above.\n"
    );
    table(targets, &rows);
}

/// A copy of `from` (and its folders) with a `NAME.gz` (gzip -9) beside each file, in `to`.
fn gzip_copy(from: &Path, to: &Path) -> PathBuf {
    let _ = std::fs::remove_dir_all(to);
    for file in files_of(from, &[]) {
        let target = to.join(file.strip_prefix(from).expect("inside the site"));
        std::fs::create_dir_all(target.parent().expect("a folder")).expect("target/bench-gzip");
        std::fs::copy(&file, &target).expect("copy");
        let ok = Command::new("gzip")
            .args(["-9", "-k", "-f"])
            .arg(&target)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "gzip {}", target.display());
    }
    to.to_path_buf()
}

/// Every file under `dir`, sorted; only those ending in one of `extensions` unless it is empty.
fn files_of(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).expect("a site folder").filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if extensions.is_empty()
                || path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| extensions.contains(&e))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A resource fetched: (path, bytes transferred, body bytes).
type Fetched = (String, f64, f64);

/// One cold load and click, every time from the page's own clock (ms).
#[derive(Clone, Copy)]
struct Load {
    /// Navigation start to the submit button present and enabled.
    interactive: f64,
    /// The click event to the result on the page.
    click: f64,
    /// The click event to the POST's answer fully arrived.
    request: f64,
    /// Navigation start to the last code the page fetched before it was interactive (.wasm or
    /// .js) fully arrived: what the network costs of `interactive`, the rest being the page's
    /// own start-up (compiling and running its code, building the first screen).
    code_arrived: f64,
}

#[derive(Clone, Copy)]
struct Bench<'a> {
    driver_url: &'a str,
    chrome: &'a str,
    /// Throttle CPU and network as a mid-range phone on slow 4G.
    mobile: bool,
}

impl Bench<'_> {
    /// A fresh browser (and profile) with the probe installed for every document it loads.
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
        let caps = json!({ "alwaysMatch": {
            "browserName": "chrome",
            "timeouts": { "script": 60_000 },
            "goog:chromeOptions": { "binary": self.chrome, "args": args },
        } });
        let session = Session::new(self.driver_url, caps).expect("a browser session");
        session
            .cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": PROBE }))
            .expect("install the probe");
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
        std::thread::sleep(BROWSER_SETTLE);
        session
    }

    /// `runs` loads of each target, taken in turn (so drift on the machine falls on all alike).
    fn loads(&self, targets: &[Target], urls: &[String], org_name: &str, api: &str, runs: usize) -> Vec<Vec<Load>> {
        let mut out = vec![Vec::new(); targets.len()];
        for _ in 0..runs {
            for ((target, url), loads) in targets.iter().zip(urls).zip(out.iter_mut()) {
                loads.push(self.run(url, org_name, api, !target.app));
            }
        }
        out
    }

    /// One cold load of `url`, the form filled, a click on submit, the result.
    fn run(&self, url: &str, org_name: &str, api: &str, fill_api: bool) -> Load {
        let s = self.session();
        s.goto(url).expect("navigate");
        let interactive = mark(&s, "interactive");
        let code_arrived = s
            .execute(
                "const i = __bench.marks.interactive;\
                 const e = performance.getEntriesByType('resource').filter(e => e.responseEnd <= i && /\\.(wasm|js)$/.test(new URL(e.name).pathname));\
                 return e.length ? Math.max(...e.map(e => e.responseEnd)) : null;",
                vec![],
            )
            .expect("resource timing")
            .as_f64()
            .unwrap_or(f64::NAN);
        fill(&s, &[("org", org_name), ("token", TOKEN)]);
        if fill_api {
            fill(&s, &[("api", api)]);
        }
        settle(&s);
        s.execute(
            "__bench.watch('result', __bench.result(arguments[0]));",
            vec![json!(org_name)],
        )
        .expect("watch the result");
        s.find("//form//button[@type='submit']")
            .and_then(|b| b.click())
            .expect("click submit");
        let result = mark(&s, "result");
        let click = mark(&s, "click");
        let answered = s
            .execute(
                "const c = __bench.marks.click;\
                 const e = performance.getEntriesByType('resource').filter(e => e.name.includes('/actions/runners/registration-token') && e.startTime >= c).pop();\
                 return e ? e.responseEnd : null;",
                vec![],
            )
            .expect("resource timing")
            .as_f64()
            .unwrap_or(f64::NAN);
        Load {
            interactive,
            click: result - click,
            request: answered - click,
            code_arrived,
        }
    }

    /// Medians at 5,000 runners: last page arrived → table rendered, filter keystroke → list
    /// updated, Select all shown (1,666 offline) → all selected, and a filter keystroke while a
    /// removal run is under way (NaN for a build without them). Each run has its own mock, so
    /// the removals of one run are not missing from the next.
    fn runners(&self, site: &str) -> [f64; 4] {
        let mut render = Vec::new();
        let mut keystroke = Vec::new();
        let mut select = Vec::new();
        let mut during = Vec::new();
        for _ in 0..RUNNER_RUNS {
            let mock = MockGithub::start().expect("the mock API");
            let api = mock.ghes_url();
            let s = self.session();
            s.goto(&format!("{site}/?org={}&api={api}", fleet_scope::HUGE))
                .expect("navigate");
            mark(&s, "interactive");
            // The list is in the Runners tab where there is a tab list (the form is interactive
            // only in Register, so the page is loaded there first).
            s.execute(
                "const t = [...document.querySelectorAll('[role=tab]')].find(t => t.textContent.trim() === 'Runners'); if (t) t.click();",
                vec![],
            )
            .expect("open the Runners tab");
            fill(&s, &[("token", TOKEN)]);
            settle(&s);
            s.execute_async(
                "const done = arguments[arguments.length - 1];\
                 const button = () => [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Show runners' && !b.disabled);\
                 __bench.watch('runners', () => {\
                   const s = document.querySelector('.summary'); const p = document.querySelector('.runners-section p.muted[role=status]');\
                   return !!s && s.textContent.startsWith('5,000 runners') && !(p && p.textContent.includes('Loading runners')) && !!document.querySelector('table.runners tbody th[scope=row]');\
                 });\
                 __bench.watch('show runners', () => !!button());\
                 __bench.when('show runners', () => { button().click(); done(); });",
                vec![],
            )
            .expect("show runners");
            let rendered = mark(&s, "runners");
            let last = s
                .execute(
                    "const e = performance.getEntriesByType('resource').filter(e => e.name.endsWith('page=50')); return e.length ? e[0].responseEnd : null;",
                    vec![],
                )
                .expect("resource timing")
                .as_f64()
                .unwrap_or(f64::NAN);
            render.push(rendered - last);
            let key = s
                .execute_async(
                    "const done = arguments[arguments.length - 1];\
                     const input = document.getElementById('runner-filter'); const before = document.querySelector('.summary').textContent;\
                     __bench.watch('filtered', () => document.querySelector('.summary').textContent !== before);\
                     const t0 = performance.now(); input.value = 'pool-3'; input.dispatchEvent(new Event('input', { bubbles: true }));\
                     __bench.when('filtered', (at) => done(at - t0));",
                    vec![],
                )
                .expect("keystroke");
            keystroke.push(key.as_f64().unwrap_or(f64::NAN));
            let selected = s
                .execute_async(
                    &format!("{FLEET_JS}\
                     const input = document.getElementById('runner-filter'); input.value = ''; input.dispatchEvent(new Event('input', {{ bubbles: true }}));\
                     const offline = [...document.querySelectorAll('input[type=radio]')].find(r => [...(r.labels || [])].some(l => l.textContent.trim() === 'Offline'));\
                     if (!offline || !find('Select all shown')) {{ done(null); }} else {{\
                       offline.click();\
                       __bench.watch('offline', () => document.querySelector('.summary').textContent.startsWith('1,666 runners'));\
                       __bench.when('offline', () => {{\
                         __bench.watch('selected', () => statusReads('1,666 selected') && document.querySelector('table.runners tbody input.select').checked);\
                         const b = find('Select all shown'); let t0 = 0; b.addEventListener('click', (e) => {{ t0 = e.timeStamp; }}, {{ once: true }}); b.click();\
                         __bench.when('selected', (at) => done(at - t0));\
                       }});\
                     }}"),
                    vec![],
                )
                // A build without the fleet (or a script that times out) gives no figure, not a
                // panic that loses the rest of the report; the reason goes to stderr.
                .unwrap_or_else(|e| no_figure("Select all shown", e));
            select.push(selected.as_f64().unwrap_or(f64::NAN));
            if selected.is_null() {
                during.push(f64::NAN);
                continue;
            }
            let key = s
                .execute_async(
                    &format!("{FLEET_JS}\
                     find('Remove selected (1,666)').click();\
                     __bench.watch('confirm', () => !!find('Remove 1,666 runners'));\
                     __bench.when('confirm', () => {{\
                       find('Remove 1,666 runners').click();\
                       __bench.watch('running', () => {{ const l = document.querySelector('.bulk-run label'); return !!l && l.textContent.startsWith('Removed 1 of'); }});\
                       __bench.when('running', () => {{\
                         const input = document.getElementById('runner-filter'); const before = document.querySelector('.summary').textContent;\
                         __bench.watch('filtered during the run', () => document.querySelector('.summary').textContent !== before);\
                         const t0 = performance.now(); input.value = 'pool-3'; input.dispatchEvent(new Event('input', {{ bubbles: true }}));\
                         __bench.when('filtered during the run', (at) => {{ find('Stop').click(); done(at - t0); }});\
                       }});\
                     }});"),
                    vec![],
                )
                .unwrap_or_else(|e| no_figure("a keystroke during a removal run", e));
            during.push(key.as_f64().unwrap_or(f64::NAN));
            drop(mock);
        }
        [render, keystroke, select, during].map(|v| median(v.into_iter()))
    }

    /// The tabs of the page's tab list (accessible name, selected), once interactive; None when
    /// it has no tab list.
    fn tabs(&self, url: &str) -> Option<Vec<(String, bool)>> {
        let s = self.session();
        s.goto(url).expect("navigate");
        mark(&s, "interactive");
        settle(&s);
        let tabs = s
            .execute(
                "const list = document.querySelector('[role=tablist]'); if (!list) return null;\
                 return [...list.querySelectorAll('[role=tab]')].map(t => [__bench.tabName(t), t.getAttribute('aria-selected') === 'true']);",
                vec![],
            )
            .expect("the tab list");
        tabs.as_array().map(|tabs| {
            tabs.iter()
                .map(|t| {
                    (
                        t[0].as_str().unwrap_or_default().to_string(),
                        t[1].as_bool().unwrap_or(false),
                    )
                })
                .collect()
        })
    }

    /// A tab's first use after a cold load: (ms from the click to its panel having content,
    /// the .wasm and .js fetched from the click until the network was quiet for 500 ms after
    /// that: (path, bytes transferred, body bytes)). None if no tab has that name.
    fn first_use(&self, url: &str, tab: &str) -> Option<(f64, Vec<Fetched>)> {
        let s = self.session();
        s.goto(url).expect("navigate");
        mark(&s, "interactive");
        settle(&s);
        let found = s
            .execute(
                "const t = [...document.querySelectorAll('[role=tab]')].find(t => __bench.tabName(t) === arguments[0]);\
                 if (!t) return false;\
                 t.setAttribute('data-bench-tab', '');\
                 const ready = __bench.panelReady(t);\
                 __bench.watch('tab panel', () => 'tab click' in __bench.marks && ready());\
                 return true;",
                vec![json!(tab)],
            )
            .expect("find the tab");
        if found != json!(true) {
            return None;
        }
        s.find("//*[@data-bench-tab]")
            .and_then(|t| t.click())
            .expect("click the tab");
        let panel = mark(&s, "tab panel");
        let click = mark(&s, "tab click");
        let fetched = s
            .execute_async(
                "const done = arguments[arguments.length - 1]; const c = __bench.marks['tab click'];\
                 const code = () => performance.getEntriesByType('resource').filter(e => e.startTime >= c && /\\.(wasm|js)$/.test(new URL(e.name).pathname));\
                 const quiet = () => {\
                   const last = Math.max(__bench.marks['tab panel'], ...performance.getEntriesByType('resource').map(e => e.responseEnd));\
                   if (performance.now() - last < 500) return setTimeout(quiet, 100);\
                   done(code().map(e => [new URL(e.name).pathname, e.transferSize, e.encodedBodySize]));\
                 };\
                 quiet();",
                vec![],
            )
            .expect("the chunk fetches");
        let fetched = fetched
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| {
                (
                    f[0].as_str().unwrap_or_default().to_string(),
                    f[1].as_f64().unwrap_or(0.0),
                    f[2].as_f64().unwrap_or(0.0),
                )
            })
            .collect();
        Some((panel - click, fetched))
    }
}

/// Waits for the probe's mark `name` and returns it (ms since navigation start).
fn mark(s: &Session, name: &str) -> f64 {
    s.execute_async(
        "__bench.when(arguments[0], arguments[arguments.length - 1]);",
        vec![json!(name)],
    )
    .unwrap_or_else(|e| panic!("the mark {name}: {e:?}"))
    .as_f64()
    .unwrap_or(f64::NAN)
}

/// Sets form fields by id, each with an input event (as typing would end).
fn fill(s: &Session, fields: &[(&str, &str)]) {
    for (id, value) in fields {
        s.execute(
            "const e = document.getElementById(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(id), json!(value)],
        )
        .unwrap_or_else(|e| panic!("fill #{id}: {e:?}"));
    }
}

/// Waits until the page is idle: a person takes seconds to fill a form, so a click comes to a
/// settled page, and every page gets to finish what it does once the browser is idle.
fn settle(s: &Session) {
    s.execute_async(
        "requestIdleCallback(arguments[arguments.length - 1], { timeout: 1000 });",
        vec![],
    )
    .expect("idle");
}

/// Chunk fetches on first use of each tab, for runner-token's builds. The tabs are
/// `BENCH_TABS` (accessible names, comma-separated) or else every tab not selected at load.
fn chunks(bench: &Bench, targets: &[Target], sites: &[StaticSite], api: &str) {
    println!("## Chunk fetches on first use\n");
    let wanted: Option<Vec<String>> = std::env::var("BENCH_TABS").ok().map(|v| {
        v.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    });
    let mut lines = Vec::new();
    let mut notes = Vec::new();
    for (target, site) in targets.iter().zip(sites).filter(|(t, _)| t.app) {
        let url = page_url(target, site, api);
        let Some(tabs) = bench.tabs(&url) else {
            notes.push(format!(
                "{}: skipped, the page has no tab list (role=tablist) once interactive.",
                target.label
            ));
            continue;
        };
        let names: Vec<String> = match &wanted {
            Some(w) => w.clone(),
            None => tabs.iter().filter(|t| !t.1).map(|t| t.0.clone()).collect(),
        };
        if names.is_empty() {
            notes.push(format!(
                "{}: no tab to measure (every tab is selected at load).",
                target.label
            ));
        }
        for name in names {
            let runs: Vec<_> = (0..TAB_RUNS).filter_map(|_| bench.first_use(&url, &name)).collect();
            let Some((_, fetched)) = runs.first() else {
                notes.push(format!("{}: no tab named \"{name}\".", target.label));
                continue;
            };
            let files: Vec<String> = fetched.iter().map(|f| format!("`{}`", f.0)).collect();
            lines.push(format!(
                "| {name} | {} | {} | {:.0} | {:.0} | {:.1} | {} |",
                target.label,
                fetched.len(),
                fetched.iter().map(|f| f.1).sum::<f64>(),
                fetched.iter().map(|f| f.2).sum::<f64>(),
                median(runs.iter().map(|r| r.0)),
                files.join(", ")
            ));
        }
    }
    println!("After interactive and a settled page, a click on the tab (role=tab, by accessible name): the .wasm and .js fetched from the click until the network is quiet for 500 ms after its panel has content (visible, not empty, nothing aria-busy); ms is the click to that content, median of {TAB_RUNS}.\n");
    if !lines.is_empty() {
        println!("| tab | page | fetches | bytes transferred | body bytes | click to panel (ms) | files |\n|---|---|---:|---:|---:|---:|---|");
        for l in lines {
            println!("{l}");
        }
        println!();
    }
    for n in notes {
        println!("- {n}");
    }
    println!();
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Transfer size of each file: raw, gzip -9 and brotli (quality 11, through Node's zlib): every
/// file of this build, then each page's total.
fn sizes(targets: &[Target]) {
    const SHIPPED: &[&str] = &["html", "js", "wasm", "css"];
    println!("## Transfer size (bytes)\n\n| file (now) | raw | gzip -9 | brotli |\n|---|---:|---:|---:|");
    let mut totals = Vec::new();
    for target in targets {
        let mut total = (0, 0, 0, 0);
        for file in files_of(&target.dir, SHIPPED) {
            let (raw, gz, br) = compressed(&file);
            total = (total.0 + 1, total.1 + raw, total.2 + gz, total.3 + br);
            if target.label == "now" {
                let name = file.strip_prefix(&target.dir).unwrap_or(&file).display();
                println!("| {name} | {raw} | {gz} | {br} |");
            }
        }
        totals.push((target.label, total));
    }
    println!("\n| whole page | files | raw | gzip -9 | brotli | gzip ÷ minimal |\n|---|---:|---:|---:|---:|---:|");
    let minimal = totals.iter().find(|t| t.0 == "minimal").map_or(0, |t| t.1 .2);
    for (label, (n, raw, gz, br)) in &totals {
        let ratio = if minimal > 0 {
            format!("{:.0}×", *gz as f64 / minimal as f64)
        } else {
            String::new()
        };
        println!("| {label} | {n} | {raw} | {gz} | {br} | {ratio} |");
    }
    println!();
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

/// The linked wasm (before wasm-bindgen and wasm-opt) of the build whose crate root is `root`.
fn linked_wasm(root: &Path) -> PathBuf {
    root.join("target/wasm32-unknown-unknown/release/runner-token.wasm")
}

/// The largest crates and functions of the wasm as linked (before wasm-bindgen and wasm-opt strip
/// the names), from twiggy: crates for each build given (before and now), functions for the last.
fn wasm_bytes(wasms: &[(&str, PathBuf)]) {
    let mut builds = Vec::new();
    for (label, wasm) in wasms {
        if !wasm.exists() {
            continue;
        }
        match twiggy(wasm) {
            Some(parsed) => builds.push((*label, parsed)),
            None => {
                println!("## Where the wasm's bytes go\n\ntwiggy is not installed (scripts/bench installs it).\n");
                return;
            }
        }
    }
    let Some((_, (now_crates, functions))) = builds.last() else {
        println!("## Where the wasm's bytes go\n\nNo linked wasm in target/ (scripts/bench builds it).\n");
        return;
    };
    let mut order: Vec<(u64, &String)> = now_crates.iter().map(|(k, v)| (*v, k)).collect();
    order.sort_by(|a, b| b.cmp(a));
    println!("## Where the wasm's bytes go (linked, before wasm-opt; shallow bytes)\n");
    let labels: Vec<&str> = builds.iter().map(|b| b.0).collect();
    println!(
        "| crate | {} |\n|---|{}",
        labels.join(" | "),
        "---:|".repeat(labels.len())
    );
    for (_, name) in order.iter().take(15) {
        let sizes: Vec<String> = builds
            .iter()
            .map(|b| b.1 .0.get(*name).map_or(String::new(), u64::to_string))
            .collect();
        println!("| {name} | {} |", sizes.join(" | "));
    }
    println!(
        "\n| function ({}) | bytes |\n|---|---:|",
        labels.last().unwrap_or(&"now")
    );
    for (size, name) in functions.iter().take(15) {
        let short: String = name.chars().take(110).collect();
        println!("| `{}` | {size} |", short.replace('|', "\\|"));
    }
    println!();
}

/// twiggy's items of `wasm`: bytes by crate, and functions largest first. None without twiggy.
#[allow(clippy::type_complexity)]
fn twiggy(wasm: &Path) -> Option<(std::collections::BTreeMap<String, u64>, Vec<(u64, String)>)> {
    let out = Command::new("twiggy")
        .args(["top", "-n", "100000", "--format", "csv"])
        .arg(wasm)
        .output();
    let out = out.ok().filter(|o| o.status.success())?;
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
    functions.sort_by(|a, b| b.cmp(a));
    Some((crates, functions))
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
