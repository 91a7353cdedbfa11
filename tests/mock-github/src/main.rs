//! `mock-github`: runs the mock API for a demo. Usage: mock-github [PORT] (default 8787).

fn main() {
    let port: u16 = std::env::args().nth(1).and_then(|p| p.parse().ok()).unwrap_or(8787);
    let mock = match mock_github::MockGithub::start_on(([127, 0, 0, 1], port).into()) {
        Ok(mock) => mock,
        Err(e) => {
            eprintln!("mock-github: cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(1);
        }
    };
    println!(
        "mock GitHub API on {} (Enterprise Server layout: {})",
        mock.url(),
        mock.ghes_url()
    );
    println!("Organizations with special answers are listed in tests/mock-github/src/scenario.rs. Ctrl-C stops.");
    loop {
        std::thread::park();
    }
}
