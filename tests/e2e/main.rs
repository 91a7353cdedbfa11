//! End-to-end tests: the built release page (dist/) in real headless Chromium, driven over
//! WebDriver, talking across origins to the loopback mock GitHub API.
//!
//! One chromedriver and one static server for the run; each test gets a fresh browser session
//! and its own mock, so tests run in parallel without seeing each other's requests. Everything
//! started here is stopped before the process exits, pass or fail.

mod a11y;
mod core_flow;
mod deep_link;
mod errors;
mod fleet;
mod groups;
mod hardening;
mod hosting;
mod hygiene;
mod layout;
mod lazy;
mod new_user;
mod outputs;
mod page;
mod runners;
mod scopes;
mod security;
mod setup_script;
mod tabs;
#[path = "../support/tools.rs"]
mod tools;
mod troubleshoot;
mod trust;
mod webdriver;

use libtest_mimic::{Arguments, Failed, Trial};
use mock_github::StaticSite;
use std::path::PathBuf;
use std::sync::Arc;

/// What every test shares: the page's origin and the WebDriver endpoint.
pub struct World {
    pub site: StaticSite,
    pub driver_url: String,
    pub chrome_bin: String,
}

pub type Test = fn(&World) -> Result<(), Failed>;

/// Registers a module's tests by their function names: `register![a_test, another_test]` gives
/// `("module::a_test", a_test)` and so on. The name is the function's, so it cannot drift.
#[macro_export]
macro_rules! register {
    ($($test:ident),* $(,)?) => {{
        let module = module_path!().rsplit("::").next().unwrap_or_default();
        vec![$((format!("{module}::{}", stringify!($test)), $test as $crate::Test)),*]
    }};
}

fn main() {
    let args = Arguments::from_args();
    let mut tests: Vec<(String, Test)> = Vec::new();
    tests.extend(core_flow::tests());
    tests.extend(deep_link::tests());
    tests.extend(hygiene::tests());
    tests.extend(setup_script::tests());
    tests.extend(hardening::tests());
    tests.extend(scopes::tests());
    tests.extend(new_user::tests());
    tests.extend(runners::tests());
    tests.extend(outputs::tests());
    tests.extend(hosting::tests());
    tests.extend(trust::tests());
    tests.extend(tabs::tests());
    tests.extend(lazy::tests());
    tests.extend(layout::tests());
    tests.extend(a11y::tests());
    tests.extend(fleet::tests());
    tests.extend(groups::tests());
    tests.extend(security::tests());
    tests.extend(troubleshoot::tests());
    let error_cases = errors::cases();

    if args.list {
        let trials = tests
            .iter()
            .map(|(n, _)| Trial::test(n.clone(), || Ok(())))
            .chain(error_cases.iter().map(|c| Trial::test(c.name(), || Ok(()))));
        libtest_mimic::run(&args, trials.collect()).exit();
    }

    let dist = std::env::var_os("RUNNER_TOKEN_DIST")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"), PathBuf::from);
    if !dist.join("index.html").exists() {
        eprintln!(
            "e2e: no built page at {}. Run scripts/test (it builds the release page first).",
            dist.display()
        );
        std::process::exit(1);
    }
    let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let chrome_bin = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let (mut driver, driver_url) = match webdriver::start_chromedriver(&chromedriver) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("e2e: cannot start {chromedriver}: {e}. Run scripts/test, which installs it.");
            std::process::exit(1);
        }
    };
    let site = StaticSite::start(&dist).expect("serve dist/ on loopback");
    let world = Arc::new(World {
        site,
        driver_url,
        chrome_bin,
    });

    let mut trials: Vec<Trial> = tests
        .into_iter()
        .map(|(name, test)| {
            let world = world.clone();
            Trial::test(name, move || test(&world))
        })
        .collect();
    trials.extend(error_cases.into_iter().map(|case| {
        let world = world.clone();
        Trial::test(case.name(), move || errors::run(&world, &case))
    }));

    let conclusion = libtest_mimic::run(&args, trials);
    drop(world);
    let _ = driver.kill();
    let _ = driver.wait();
    conclusion.exit();
}
