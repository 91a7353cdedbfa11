//! `PlatformPicker`: which of the seven runner packages to set up (or, where the architecture
//! changes nothing, which operating system).

use crate::runner::{Arch, Os, RunnerPlatform};
use leptos::prelude::*;

#[component]
pub fn PlatformPicker(
    platform: RwSignal<RunnerPlatform>,
    /// Whether to ask for the architecture too (not for removal: its command is the same).
    #[prop(default = true)]
    arch: bool,
) -> impl IntoView {
    let os_options = Os::ALL
        .into_iter()
        .map(|os| view! { <option value=os.key() selected=move || platform.get().os == os>{os.label()}</option> })
        .collect_view();
    let arch_options = move || {
        let current = platform.get();
        current
            .os
            .arches()
            .iter()
            .map(|&arch| view! { <option value=arch.api_name() selected=current.arch == arch>{arch.label()}</option> })
            .collect_view()
    };
    let arch_field = arch.then(|| view! {
            <div class="field">
                <label for="runner-arch">"Architecture"</label>
                <select id="runner-arch" prop:value=move || platform.get().arch.api_name() on:change=move |ev| {
                    let os = platform.get_untracked().os;
                    if let Some(p) = Arch::from_key(&event_target_value(&ev)).and_then(|a| RunnerPlatform::new(os, a)) {
                        platform.set(p);
                    }
                }>{arch_options}</select>
            </div>
    });
    view! {
        <div class="platform" class:os-only=!arch>
            <div class="field">
                <label for="runner-os">"Operating system"</label>
                <select id="runner-os" on:change=move |ev| {
                    if let Some(os) = Os::from_key(&event_target_value(&ev)) {
                        platform.update(|p| *p = p.with_os(os));
                    }
                }>{os_options}</select>
            </div>
            {arch_field}
        </div>
    }
}
