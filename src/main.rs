//! The standalone page: trunk's entry point.

fn main() {
    #[cfg(target_arch = "wasm32")]
    dealform::ui::app::start();
}
