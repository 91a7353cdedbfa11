//! Contract tests against GitHub's own OpenAPI description (the subsets in
//! tests/contract/openapi/, extracted from @octokit/openapi by scripts/openapi-extract.mjs), for
//! every deployment the page supports:
//!
//! - `requests::D`: every request of `github::call::catalogue()` exists in D's description, with
//!   its path and query parameters described and valid and its body valid; an endpoint D lacks
//!   must be in `expected::ABSENT`, with the reason.
//! - `mock_answers::D`: every answer of the mock (tests/mock-github), for each of its scenarios,
//!   validates against the response schema of its status in D (GitHub's `basic-error` for an
//!   error status the operation does not describe); deliberately broken answers are listed in
//!   `expected::OFF_CONTRACT` and must fail.
//! - `examples::D`: the page's readers accept every example D gives for what they read.
//! - `expected_lists_are_exact`, `subset::written_by_this_extractor`,
//!   `subset::matches_the_installed_package` (only when the package is installed).
//!
//! The coverage table goes to stdout and to target/contract/coverage.md. Validation is ajv's,
//! through scripts/contract.mjs (ajv from scripts/setup.sh test).

mod checks;
mod coverage;
mod expected;
mod mock;
mod spec;
#[path = "../support/tools.rs"]
mod tools;
mod validate;

use checks::{Problems, Run};
use libtest_mimic::{Arguments, Failed, Trial};
use spec::{Subset, DEPLOYMENTS};
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// Everything the trials judge, computed once, by the first trial that needs it.
struct Outcome {
    problems: Problems,
    coverage: String,
    coverage_all: String,
}

fn compute() -> Result<Outcome, String> {
    let subsets = DEPLOYMENTS
        .iter()
        .map(|d| Subset::load(d))
        .collect::<Result<Vec<_>, _>>()?;
    let scenarios = mock::scenarios()?;
    let answers = mock::collect(&scenarios)?;
    let mut run = Run::default();
    for s in &subsets {
        run.requests(s);
        run.examples(s);
    }
    run.answers(&subsets, &answers);
    run.exact_lists(&subsets);
    run.finish(&subsets)?;
    Ok(Outcome {
        problems: std::mem::take(&mut run.problems),
        coverage: run.coverage.markdown(&subsets, false),
        coverage_all: run.coverage.markdown(&subsets, true),
    })
}

static OUTCOME: OnceLock<Result<Outcome, String>> = OnceLock::new();

fn outcome() -> &'static Result<Outcome, String> {
    OUTCOME.get_or_init(compute)
}

fn judge(trial: &str) -> Result<(), Failed> {
    let outcome = outcome().as_ref().map_err(|e| Failed::from(e.as_str()))?;
    match outcome.problems.get(trial) {
        Some(problems) if !problems.is_empty() => {
            const SHOWN: usize = 25;
            let shown = &problems[..problems.len().min(SHOWN)];
            let mut text = format!("{} problem(s):\n  - {}", problems.len(), shown.join("\n  - "));
            if problems.len() > SHOWN {
                text.push_str(&format!("\n  ... and {} more", problems.len() - SHOWN));
            }
            Err(text.into())
        }
        _ => Ok(()),
    }
}

/// Whether scripts/setup.sh installed the package version scripts/openapi-extract.mjs extracts from.
fn package_installed() -> bool {
    let v = tools::version("OPENAPI_VERSION");
    tools::folder()
        .join(format!(
            "octokit-openapi-{v}/node_modules/@octokit/openapi/package.json"
        ))
        .exists()
}

/// A fresh extraction from the installed package matches the committed subset byte for byte.
fn matches_the_installed_package() -> Result<(), Failed> {
    let out = Command::new("node")
        .args(["scripts/openapi-extract.mjs", "--check"])
        .current_dir(spec::root())
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
        .into())
    }
}

/// target/contract/coverage.md, beside the test binary's own target folder.
fn coverage_path() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).or_else(|| {
        let exe = std::env::current_exe().ok()?;
        // target/debug/deps/contract-HASH
        Some(exe.parent()?.parent()?.parent()?.to_path_buf())
    });
    target
        .unwrap_or_else(|| spec::root().join("target"))
        .join("contract/coverage.md")
}

fn main() {
    let args = Arguments::from_args();
    let mut names: Vec<String> = vec![checks::MARKER.into(), checks::EXACT_LISTS.into()];
    for d in DEPLOYMENTS {
        names.push(checks::requests_trial(d));
        names.push(checks::answers_trial(d));
        names.push(checks::examples_trial(d));
    }
    let mut trials: Vec<Trial> = names
        .into_iter()
        .map(|name| Trial::test(name.clone(), move || judge(&name)))
        .collect();
    trials.push(
        Trial::test("subset::matches_the_installed_package", matches_the_installed_package)
            .with_ignored_flag(!package_installed()),
    );
    let conclusion = libtest_mimic::run(&args, trials);
    if let Some(Ok(outcome)) = OUTCOME.get() {
        let path = coverage_path();
        let header = "# Contract coverage\n\nWritten by `cargo test --test contract` (tests/contract/). \
                      Each number counts the checks that passed.\n";
        let written = path
            .parent()
            .map(std::fs::create_dir_all)
            .and_then(Result::ok)
            .and_then(|()| {
                let text = format!("{header}{}{}", outcome.coverage_all, expected::markdown());
                std::fs::write(&path, text).ok()
            });
        println!("\ncontract coverage:{}", outcome.coverage);
        match written {
            Some(()) => println!(
                "contract coverage, with the operations not used yet: {}",
                path.display()
            ),
            None => println!("contract coverage: cannot write {}", path.display()),
        }
    }
    conclusion.exit();
}
