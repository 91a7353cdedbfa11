//! `ConfigCommand`: what `config.sh --url <scope URL> --token <token>` is made of, kept
//! together from the scope that minted the token (a token pasted with another scope's URL fails
//! with a bare 404). [`super::SetupScript::configure`] writes it out for a shell.

use crate::github::{Scope, Secret, WebBase};

#[derive(Clone, Debug, PartialEq)]
pub struct ConfigCommand {
    /// The scope's registration URL: `WEB/OWNER/NAME`, `WEB/ORG` or `WEB/enterprises/SLUG`.
    pub url: String,
    pub token: Secret,
}

impl ConfigCommand {
    /// The command for a token minted for `scope` on the server at `web`.
    pub fn new(web: &WebBase, scope: &Scope, token: Secret) -> Self {
        Self {
            url: scope.runner_url(web),
            token,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::{ApiBase, ScopeKind, MASK};
    use crate::runner::script::{Job, SetupScript};

    /// The plain configure command (Linux, no options), as the page shows it first.
    fn text(c: &ConfigCommand, reveal: bool) -> String {
        SetupScript {
            platform: Default::default(),
            package: None,
            job: Job::Configure {
                command: c.clone(),
                options: Default::default(),
            },
        }
        .configure(reveal)
    }

    fn command(api: &str, kind: ScopeKind, name: &str, token: &str) -> ConfigCommand {
        let web = ApiBase::parse(api).unwrap().web_base().unwrap();
        ConfigCommand::new(&web, &Scope::parse(kind, name).unwrap(), Secret::new(token))
    }

    #[test]
    fn builds_the_command_github_documents_for_each_scope() {
        let org = command(
            "https://api.github.com",
            ScopeKind::Organization,
            "octo-org",
            "AABBCCDDEEFF",
        );
        assert_eq!(
            text(&org, true),
            "./config.sh --url https://github.com/octo-org --token AABBCCDDEEFF"
        );
        let repo = command("https://api.github.com", ScopeKind::Repository, "octo-org/app", "T");
        assert_eq!(
            text(&repo, true),
            "./config.sh --url https://github.com/octo-org/app --token T"
        );
        let ent = command("https://api.github.com", ScopeKind::Enterprise, "acme", "T");
        assert_eq!(
            text(&ent, true),
            "./config.sh --url https://github.com/enterprises/acme --token T"
        );
    }

    #[test]
    fn enterprise_server_commands_use_the_server_address() {
        let c = command(
            "https://ghes.example.com/api/v3",
            ScopeKind::Organization,
            "platform",
            "T0K3N",
        );
        assert_eq!(
            text(&c, true),
            "./config.sh --url https://ghes.example.com/platform --token T0K3N"
        );
    }

    #[test]
    fn masked_text_hides_only_the_token() {
        let c = command(
            "https://api.github.com",
            ScopeKind::Organization,
            "octo-org",
            "AABBCCDDEEFF",
        );
        let masked = text(&c, false);
        assert!(!masked.contains("AABBCCDDEEFF"));
        assert!(masked.contains("https://github.com/octo-org"));
        assert!(masked.contains(MASK));
    }

    #[test]
    fn a_hostile_token_is_quoted_not_executed() {
        let c = command(
            "https://api.github.com",
            ScopeKind::Organization,
            "octo-org",
            "x; rm -rf ~ $(id) `id`",
        );
        let args = crate::runner::quote::tests::run_in_sh(&text(&c, true));
        assert_eq!(
            args,
            [
                "--url",
                "https://github.com/octo-org",
                "--token",
                "x; rm -rf ~ $(id) `id`"
            ]
        );
    }
}
