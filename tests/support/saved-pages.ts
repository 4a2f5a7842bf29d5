// Saved news pages as a browser's "Save page as…" writes them, with the chrome real sites carry:
// skip links, navigation, a cookie banner, share bars, a newsletter box, related stories,
// comments and a footer. Written for these tests (synthetic text, fictional outlets).

export const ARTICLE_PARAGRAPHS = [
  'Border officials confirmed on Tuesday that the northern crossing had reopened after a closure of eleven days, allowing trucks carrying grain and medical supplies to pass for the first time since the start of the month.',
  'The ministry said inspections would continue at the checkpoint and that convoys would be escorted by police until the end of the week, citing reports of attacks on drivers along the highway.',
  'A spokesperson for the regional authority told reporters that more than 400 vehicles were waiting on the far side of the border when the gates opened at dawn.',
];
export const LIST_ITEMS = ['Grain shipments resumed under escort.', 'Medical supplies were cleared within hours.', 'Passenger traffic remains suspended.'];
export const QUOTE = 'We will not allow the crossing to be used as a weapon against civilians.';
export const SECTION_HEADING = 'What the agreement covers';
export const CHROME_PHRASES = [
  'Skip to content',
  'We use cookies',
  'Accept all',
  'Share on Facebook',
  'Sign up for our morning briefing',
  'Related stories',
  'Officials weigh new tariffs',
  'Comments (12)',
  'This is outrageous',
  'All rights reserved',
  'World',
  'Subscribe',
];

/** A news page with JSON-LD (@graph), Open Graph tags, a semantic <article> and every kind of chrome. */
export function newsPage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Northern crossing reopens after 11-day closure | The Meridian Ledger</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Trucks carrying grain and medical supplies crossed for the first time this month.">
<meta property="og:type" content="article">
<meta property="og:title" content="Northern crossing reopens after 11-day closure">
<meta property="og:site_name" content="The Meridian Ledger">
<meta property="og:url" content="https://meridian-ledger.example/world/2026/11/northern-crossing-reopens">
<meta property="article:published_time" content="2026-11-17T06:30:00+00:00">
<link rel="canonical" href="https://meridian-ledger.example/world/2026/11/northern-crossing-reopens">
<link rel="stylesheet" href="/static/css/site.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"The Meridian Ledger","url":"https://meridian-ledger.example/"},
 {"@type":"NewsArticle","headline":"Northern crossing reopens after 11-day closure",
  "datePublished":"2026-11-17T06:30:00+00:00","dateModified":"2026-11-17T09:12:00+00:00",
  "author":[{"@type":"Person","name":"Amina Qureshi"},{"@type":"Person","name":"Tomas Lindqvist"}],
  "publisher":{"@type":"Organization","name":"The Meridian Ledger","logo":{"@type":"ImageObject","url":"https://meridian-ledger.example/logo.png"}}}
]}
</script>
</head>
<body class="article-page">
<a class="skip-link" href="#main">Skip to content</a>
<div id="cookie-consent" class="cmp-banner" role="dialog" aria-label="Cookie consent">
  <p>We use cookies to improve your experience and to show you relevant advertising.</p>
  <button type="button">Accept all</button> <button type="button">Manage preferences</button>
</div>
<header class="site-header">
  <a class="logo" href="/">The Meridian Ledger</a>
  <nav class="primary-nav" aria-label="Sections">
    <ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li></ul>
  </nav>
</header>
<main id="main">
  <article class="story">
    <header class="story-header">
      <p class="kicker"><a href="/world">World</a></p>
      <h1>Northern crossing reopens after 11-day closure</h1>
      <p class="byline">By <a href="/staff/amina-qureshi">Amina Qureshi</a> and <a href="/staff/tomas-lindqvist">Tomas Lindqvist</a></p>
      <time datetime="2026-11-17T06:30:00Z">17 November 2026</time>
    </header>
    <div class="share-bar" aria-label="Share this article">
      <a href="https://www.facebook.com/sharer/sharer.php?u=x">Share on Facebook</a>
      <a href="https://twitter.com/intent/tweet?url=x">Share on X</a>
      <a href="mailto:?subject=Northern%20crossing">Email</a>
    </div>
    <figure class="lead-image"><img src="/img/crossing.jpg" alt="Trucks at the crossing"><figcaption>Trucks queue at the northern crossing on Tuesday.</figcaption></figure>
    <div class="story-body">
      <p>${ARTICLE_PARAGRAPHS[0]}</p>
      <p>${ARTICLE_PARAGRAPHS[1]} <a href="/world/2026/11/highway-attacks">Earlier reporting</a> described the attacks in detail.</p>
      <aside class="newsletter-signup">
        <h3>Sign up for our morning briefing</h3>
        <form action="/newsletter"><input type="email" placeholder="Your email"><button>Subscribe</button></form>
      </aside>
      <h2>${SECTION_HEADING}</h2>
      <p>The agreement, published by the <a href="https://un.example/docs/S-2026-881">United Nations</a>, sets out three steps:</p>
      <ul>${LIST_ITEMS.map((i) => `<li>${i}</li>`).join('')}</ul>
      <blockquote><p>${QUOTE}</p></blockquote>
      <p>${ARTICLE_PARAGRAPHS[2]} <strong>No timetable</strong> was given for reopening passenger traffic.</p>
    </div>
    <footer class="story-footer"><p class="tags">Topics: <a href="/t/borders">Borders</a> <a href="/t/trade">Trade</a></p></footer>
  </article>
  <aside class="related-stories" aria-label="Related stories">
    <h2>Related stories</h2>
    <ul>
      <li><a href="/business/tariffs">Officials weigh new tariffs on grain imports as prices climb</a></li>
      <li><a href="/world/convoys">Convoys resume along the southern route after weeks of delays</a></li>
    </ul>
  </aside>
  <section id="comments" class="comments">
    <h2>Comments (12)</h2>
    <article class="comment"><p class="comment-author">reader42</p><p>This is outrageous, the border should never have been closed in the first place.</p></article>
  </section>
</main>
<footer class="site-footer" role="contentinfo">
  <nav aria-label="Footer"><a href="/about">About us</a> <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></nav>
  <p>© 2026 The Meridian Ledger. All rights reserved.</p>
</footer>
<script src="/static/js/analytics.js"></script>
</body>
</html>`;
}

/** A page without JSON-LD or semantic landmarks: only <meta> tags and class-named <div>s. */
export function divSoupPage(): string {
  return `<html><head><title>Port strike enters second week - Harbour Times</title>
<meta name="author" content="Lena Okafor">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2026-10-02T12:00:00Z">
<meta property="og:url" content="https://harbour-times.example/news/port-strike">
</head><body>
<div id="top-menu" class="menu"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a> | <a href="/login">Log in</a></div>
<div class="cookie-notice">We use cookies. By continuing you accept our policy. <a href="/cookies">Accept all</a></div>
<div id="content-wrapper">
  <div class="article-content">
    <div class="headline"><h1>Port strike enters second week</h1></div>
    <div class="text">
      <p>Dock workers at the eastern port extended their strike into a second week on Monday, leaving dozens of container ships anchored offshore and delaying shipments of fuel to the region.</p>
      <p>Union leaders said talks with the port authority had stalled over pay and safety conditions, and that pickets would remain at the gates until a written offer was made to all workers.</p>
      <p>The port authority said in a statement that it remained open to negotiations and that emergency cargo, including medicine, was still being unloaded under an agreement with the union.</p>
    </div>
    <div class="social-share">Share on Facebook · Share on X · Copy link</div>
  </div>
  <div class="sidebar related"><h4>Related stories</h4><a href="/news/tariffs">Officials weigh new tariffs</a></div>
</div>
<div class="footer">Harbour Times. All rights reserved. <a href="/contact">Contact</a></div>
</body></html>`;
}

export const URDU_HEADLINE = 'سرحدی گزرگاہ گیارہ دن بعد دوبارہ کھل گئی';
export const URDU_PARAGRAPHS = [
  'سرحدی حکام نے منگل کو تصدیق کی کہ شمالی گزرگاہ گیارہ دن کی بندش کے بعد دوبارہ کھول دی گئی ہے اور اناج اور طبی سامان لے جانے والے ٹرک گزرنے لگے ہیں۔',
  'وزارت کے ترجمان نے کہا کہ چیک پوسٹ پر معائنہ جاری رہے گا اور ہفتے کے آخر تک قافلوں کو پولیس کی حفاظت حاصل ہوگی۔',
];

/** A right-to-left (Urdu) news page. */
export function urduPage(): string {
  return `<!doctype html><html lang="ur" dir="rtl"><head><meta charset="utf-8"><title>${URDU_HEADLINE} | روزنامہ مثال</title>
<meta property="og:site_name" content="روزنامہ مثال"></head><body>
<nav><a href="/">صفحہ اول</a> <a href="/world">دنیا</a></nav>
<article><h1>${URDU_HEADLINE}</h1>${URDU_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}
<p>${URDU_PARAGRAPHS[0]} ${URDU_PARAGRAPHS[1]}</p></article>
<footer>جملہ حقوق محفوظ ہیں</footer></body></html>`;
}
