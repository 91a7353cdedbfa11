fn main() {
    leptos::mount::mount_to_body(runner_token::ui::App);
}

// Talc in place of Rust's default dlmalloc: the same job in about a third of the wasm bytes. The
// page is single-threaded (no atomics), which is what this allocator requires.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
