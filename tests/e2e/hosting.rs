//! Hosting: the page built for a sub-path (`--public-url /runner-token/`, as a GitHub Pages
//! project site serves it) works there: assets, Content-Security-Policy hashes and SRI included.

use crate::page::{check, check_contains, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::StaticSite;
use std::path::PathBuf;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![the_page_built_for_a_sub_path_works_there,]
}

fn the_page_built_for_a_sub_path_works_there(world: &World) -> Result<()> {
    let built = std::env::var_os("RUNNER_TOKEN_DIST_SUBPATH").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist-subpath"),
        PathBuf::from,
    );
    check(
        built.join("index.html").exists(),
        format!(
            "no sub-path build at {}: run scripts/test, which builds it",
            built.display()
        ),
    )?;
    // A static host whose site lives under /runner-token/, nothing at its root.
    let root = std::env::temp_dir().join(format!("runner-token-subpath-{}", std::process::id()));
    let site_dir = root.join("runner-token");
    std::fs::create_dir_all(&site_dir).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(&built).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        std::fs::copy(entry.path(), site_dir.join(entry.file_name())).map_err(|e| e.to_string())?;
    }
    let site = StaticSite::start(&root).map_err(|e| e.to_string())?;
    let page = Page::new(world)?;
    let result = (|| {
        page.session
            .goto(&format!("{}/runner-token/?api={}", site.url(), page.mock.ghes_url()))?;
        page.create("octo-org", ACCESS_TOKEN)?;
        page.wait_for_text("Registration token for octo-org")?;
        let assets = page.session.execute(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name)).filter(u => u.origin === location.origin).map(u => u.pathname)",
            vec![],
        )?;
        let paths: Vec<String> = assets
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p.as_str().map(str::to_string))
            .collect();
        check(
            paths.iter().any(|p| p.ends_with(".wasm")),
            format!("the wasm was loaded: {paths:?}"),
        )?;
        check(
            paths.iter().all(|p| p.starts_with("/runner-token/")),
            format!("every asset from the sub-path: {paths:?}"),
        )?;
        let errors: Vec<String> = page
            .console()?
            .into_iter()
            .filter(|l| l.contains("SEVERE") || l.contains("Content Security Policy"))
            .collect();
        check(
            errors.is_empty(),
            format!("no console errors or CSP violations: {errors:?}"),
        )?;
        page.button("Copy link to these settings")?.click()?;
        page.wait_for_text("Copied a link")?;
        check_contains(
            &page.clipboard()?,
            &format!("{}/runner-token/?org=octo-org", site.url()),
        )
    })();
    drop(site);
    std::fs::remove_dir_all(&root).ok();
    result
}
