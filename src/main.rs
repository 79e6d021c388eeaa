fn main() {
    hallcount::start();
}
