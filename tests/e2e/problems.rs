//! The harness itself: it must catch what the end-to-end tests promise to fail on.

use crate::harness::Browser;

/// Run `script`, wait until the page records one more problem, and return all problems.
async fn provoke(browser: &Browser, script: &str) -> Vec<String> {
    let before = browser
        .execute("return window.__hallcountProblems.length;")
        .await;
    browser.execute(script).await;
    // Event-driven: resolves on the recorder's next push.
    let wait = r#"
        const [before, done] = arguments;
        const problems = window.__hallcountProblems;
        if (problems.length > before) return done(true);
        const push = problems.push;
        problems.push = function (...items) { const n = push.apply(this, items); if (n > before) done(true); return n; };
    "#;
    browser
        .client()
        .execute_async(wait, vec![before])
        .await
        .expect("a problem is recorded");
    browser.problems().await
}

fn assert_mentions(problems: &[String], needle: &str) {
    assert!(
        problems.iter().any(|problem| problem.contains(needle)),
        "expected a problem mentioning {needle:?}, got {problems:?}"
    );
}

#[tokio::test]
async fn a_clean_page_has_no_problems() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("clean_page").await;
    assert_eq!(browser.problems().await, Vec::<String>::new());
    browser.finish().await;
}

#[tokio::test]
async fn an_attempted_fetch_is_a_problem() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("attempted_fetch").await;
    let problems = provoke(
        &browser,
        "fetch('https://example.invalid/ballots.json').catch(() => {}); return null;",
    )
    .await;
    assert_mentions(&problems, "connect-src");
    drop(browser.kill());
}

#[tokio::test]
async fn an_attempted_image_load_is_a_problem() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("attempted_image").await;
    let problems = provoke(&browser, "const image = new Image(); image.src = 'http://127.0.0.1:9/x.png'; document.body.append(image); return null;").await;
    assert_mentions(&problems, "img-src");
    drop(browser.kill());
}

#[tokio::test]
async fn console_errors_and_uncaught_errors_are_problems() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("console_error").await;
    let problems = provoke(&browser, "console.error('counted twice'); return null;").await;
    assert_mentions(&problems, "counted twice");
    let problems = provoke(
        &browser,
        // From a script of the page's own: Firefox runs WebDriver's scripts in a sandbox whose
        // uncaught errors never reach the page's `error` listener.
        "const script = document.createElement('script'); script.textContent = \"setTimeout(() => { throw new Error('lost paper'); });\"; document.body.append(script); return null;",
    )
    .await;
    assert_mentions(&problems, "lost paper");
    drop(browser.kill());
}
