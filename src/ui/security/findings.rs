//! `Findings`: the review's findings in the one table style: the severity as a word (a badge,
//! not colour alone), the setting in GitHub's words with what it applies to, what was found and
//! why it matters with GitHub's page, and Fix where one write fixes it (Fixed once it has).

use crate::runner::review::Finding;
use crate::state::{listed_subject, SecurityState};
use crate::words::security::{fix_label, found, setting, severity, subject, why};
use leptos::prelude::*;

#[component]
pub fn Findings(state: SecurityState) -> impl IntoView {
    let scope = move || listed_subject(state.source);
    let kind = move || state.source.with(|s| s.as_ref().map(|s| s.target.scope.kind()));
    let rows = move || {
        let (Some(review), Some(kind)) = (state.review(), kind()) else {
            return Vec::new();
        };
        let scope = scope();
        let fixed = state.fixed.get();
        let mut rows: Vec<(Finding, bool)> = review.findings.into_iter().map(|f| (f, false)).collect();
        rows.extend(fixed.into_iter().map(|f| (f, true)));
        rows.into_iter()
            .map(|(f, is_fixed)| {
                let (because, link) = why(&f, kind);
                let word = severity(f.severity);
                let class = format!("badge severity {}", word.to_ascii_lowercase());
                let label = fix_label(&f, &scope);
                let confirm = f.clone();
                let action = if is_fixed {
                    Some(view! { <span class="badge status online">"Fixed"</span> }.into_any())
                } else {
                    f.fix.as_ref().map(|_| view! {
                        <button type="button" class="secondary small" aria-label=label disabled=move || state.writes.busy.get()
                            on:click=move |_| state.confirming.set(Some(confirm.clone()))>"Fix"</button>
                    }.into_any())
                };
                view! {
                    <tr>
                        <td><span class=class>{word}</span></td>
                        <th scope="row" class="name">{setting(f.check)}<br /><span class="muted">{subject(&f.subject, &scope)}</span></th>
                        <td>
                            <p class="finding">{found(&f, &scope)}</p>
                            <p class="hint">{because} " " <a href=link target="_blank" rel="noopener noreferrer">"GitHub's documentation"</a></p>
                        </td>
                        <td class="row-actions">{action}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let any = move || state.review().is_some_and(|r| !r.findings.is_empty()) || state.fixed.with(|f| !f.is_empty());
    move || {
        any().then(|| view! {
        <div class="table-box">
            <table class="findings">
                <caption>{move || format!("Findings in {}", scope())}</caption>
                <thead><tr>
                    <th scope="col">"Severity"</th><th scope="col">"Setting"</th><th scope="col">"What was found"</th>
                    <th scope="col"><span class="visually-hidden">"Fix"</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    })
    }
}
