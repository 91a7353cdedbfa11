//! `RepositorySelection`: the repository selection, repositories, permissions and single file
//! the response carried, or a plain statement that it carried none.

use crate::github::{Repository, RepositoryScope};
use leptos::prelude::*;

#[component]
pub fn RepositorySelection(scope: RepositoryScope) -> impl IntoView {
    let body = if scope.is_empty() {
        view! {
            <p class="muted">
                "GitHub's answer names no repository selection, repositories or permissions: the token is not "
                "limited to particular repositories. Which repositories may use the runner is set by its runner group."
            </p>
        }
        .into_any()
    } else {
        view! { <dl class="scope-list">{scope_rows(scope)}</dl> }.into_any()
    };
    view! {
        <section class="scope" aria-labelledby="scope-heading">
            <h3 id="scope-heading">"Repository selection"</h3>
            {body}
        </section>
    }
}

fn scope_rows(scope: RepositoryScope) -> impl IntoView {
    let selection = scope.selection.map(|s| {
        let words = match s.as_str() {
            "all" => "All repositories".to_string(),
            "selected" => "Selected repositories".to_string(),
            other => other.to_string(),
        };
        view! { <dt>"Selection"</dt><dd>{words}</dd> }
    });
    let repositories = scope.repositories.map(|repos| {
        let list = if repos.is_empty() {
            view! { <dd>"None listed"</dd> }.into_any()
        } else {
            view! { <dd><ul class="repos">{repos.into_iter().map(repository_item).collect_view()}</ul></dd> }.into_any()
        };
        view! { <dt>"Repositories"</dt>{list} }
    });
    let permissions = (!scope.permissions.is_empty()).then(|| {
        let items = scope
            .permissions
            .into_iter()
            .map(|(name, level)| view! { <li><code>{name}</code> ": " {level}</li> })
            .collect_view();
        view! { <dt>"Permissions"</dt><dd><ul class="permissions">{items}</ul></dd> }
    });
    let single_file = scope
        .single_file
        .map(|f| view! { <dt>"Single file"</dt><dd><code>{f}</code></dd> });
    (selection, repositories, permissions, single_file)
}

fn repository_item(repo: Repository) -> impl IntoView {
    let name = match repo.html_url {
        Some(url) => view! { <a href=url target="_blank" rel="noopener noreferrer">{repo.full_name}</a> }.into_any(),
        None => view! { <span>{repo.full_name}</span> }.into_any(),
    };
    view! { <li>{name}{repo.private.then(|| view! { " " <span class="badge">"Private"</span> })}</li> }
}
