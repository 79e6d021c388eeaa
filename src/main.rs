fn main() {
    hallcount_app::start();
}
