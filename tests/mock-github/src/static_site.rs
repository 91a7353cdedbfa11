//! A static file server for the built page, on its own loopback origin, like any static host.

use crate::loopback::Loopback;
use bytes::Bytes;
use http_body_util::Full;
use hyper::{Request, Response};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};

pub struct StaticSite {
    server: Loopback,
}

impl StaticSite {
    /// Serves `root` on a free loopback port; `/` is `index.html`.
    pub fn start(root: impl Into<PathBuf>) -> std::io::Result<Self> {
        Self::start_on(root, SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    pub fn start_on(root: impl Into<PathBuf>, addr: SocketAddr) -> std::io::Result<Self> {
        let root: PathBuf = root.into();
        let server = Loopback::start(addr, move |req| serve(req, root.clone()))?;
        Ok(Self { server })
    }

    pub fn url(&self) -> String {
        self.server.url()
    }
}

async fn serve(req: Request<hyper::body::Incoming>, root: PathBuf) -> Result<Response<Full<Bytes>>, Infallible> {
    let path = req.uri().path();
    let file = match safe_join(&root, path) {
        Some(p) if p.is_dir() => p.join("index.html"),
        Some(p) => p,
        None => return Ok(status(400)),
    };
    // A precompressed sibling (`NAME.gz`, as static hosts serve them) when the browser takes gzip.
    let gzip = req
        .headers()
        .get("accept-encoding")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("gzip"));
    let compressed = file
        .as_os_str()
        .to_os_string()
        .into_string()
        .ok()
        .map(|f| PathBuf::from(f + ".gz"))
        .filter(|_| gzip);
    if let Some(bytes) = match &compressed {
        Some(gz) => tokio::fs::read(gz).await.ok(),
        None => None,
    } {
        return Ok(file_response(&file, bytes, Some("gzip")));
    }
    match tokio::fs::read(&file).await {
        Ok(bytes) => Ok(file_response(&file, bytes, None)),
        Err(_) => Ok(status(404)),
    }
}

fn file_response(file: &Path, bytes: Vec<u8>, encoding: Option<&str>) -> Response<Full<Bytes>> {
    let mut response = Response::builder()
        .header("Content-Type", content_type(file))
        .header("Cache-Control", "no-store");
    if let Some(encoding) = encoding {
        response = response
            .header("Content-Encoding", encoding)
            .header("Vary", "Accept-Encoding");
    }
    response.body(Full::new(Bytes::from(bytes))).unwrap_or_default()
}

/// `root` joined with the URL path, refusing anything that climbs out of it.
fn safe_join(root: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| root.join(relative))
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn status(code: u16) -> Response<Full<Bytes>> {
    Response::builder()
        .status(code)
        .body(Full::new(Bytes::new()))
        .unwrap_or_default()
}
