//! A static file server for the built page, on its own loopback origin, like any static host.

use bytes::Bytes;
use http_body_util::Full;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use tokio::net::TcpListener;

pub struct StaticSite {
    addr: SocketAddr,
    runtime: Option<tokio::runtime::Runtime>,
}

impl StaticSite {
    /// Serves `root` on a free loopback port; `/` is `index.html`.
    pub fn start(root: impl Into<PathBuf>) -> std::io::Result<Self> {
        Self::start_on(root, SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    pub fn start_on(root: impl Into<PathBuf>, addr: SocketAddr) -> std::io::Result<Self> {
        let root: PathBuf = root.into();
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build()?;
        let listener = runtime.block_on(TcpListener::bind(addr))?;
        let addr = listener.local_addr()?;
        runtime.spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let root = root.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |req| serve(req, root.clone()));
                    let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
                });
            }
        });
        Ok(Self { addr, runtime: Some(runtime) })
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for StaticSite {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

async fn serve(req: Request<hyper::body::Incoming>, root: PathBuf) -> Result<Response<Full<Bytes>>, Infallible> {
    let path = req.uri().path();
    let file = match safe_join(&root, path) {
        Some(p) if p.is_dir() => p.join("index.html"),
        Some(p) => p,
        None => return Ok(status(400)),
    };
    match tokio::fs::read(&file).await {
        Ok(bytes) => Ok(Response::builder()
            .header("Content-Type", content_type(&file))
            .header("Cache-Control", "no-store")
            .body(Full::new(Bytes::from(bytes)))
            .unwrap_or_default()),
        Err(_) => Ok(status(404)),
    }
}

/// `root` joined with the URL path, refusing anything that climbs out of it.
fn safe_join(root: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    relative.components().all(|c| matches!(c, Component::Normal(_))).then(|| root.join(relative))
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
    Response::builder().status(code).body(Full::new(Bytes::new())).unwrap_or_default()
}
