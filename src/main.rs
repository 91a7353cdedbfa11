fn main() {
    leptos::mount::mount_to_body(runner_token::ui::App);
}
