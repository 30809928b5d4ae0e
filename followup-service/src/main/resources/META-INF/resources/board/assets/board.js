// The board's only script: keeps the live parts of a page current. The pages work without it (every action is a
// plain form); with it, each element marked data-live="<url>" asks its URL once a second for what changed since the
// version it shows (data-version). The server answers 204 when nothing did, or the element's new content with its
// new version in X-Board-Version. While the person is working inside an element (focus in a form, a details panel
// open), its update waits, so nothing moves under their keyboard.
(function () {
  'use strict';
  var PERIOD_MS = 1000;

  function busy(region) {
    var active = document.activeElement;
    if (active && active !== document.body && region.contains(active) && active.tagName !== 'A') {
      return true;
    }
    return region.querySelector('details[open]') !== null;
  }

  function announce(region) {
    var status = document.getElementById(region.getAttribute('data-status') || '');
    if (status) {
      status.textContent = status.getAttribute('data-updated') + ' ' + new Date().toLocaleTimeString();
    }
  }

  function poll(region) {
    if (document.hidden || busy(region)) {
      return Promise.resolve();
    }
    var url = region.getAttribute('data-live');
    var since = encodeURIComponent(region.getAttribute('data-version') || '');
    return fetch(url + (url.indexOf('?') < 0 ? '?' : '&') + 'since=' + since, {
      credentials: 'same-origin',
      headers: { 'Accept': 'text/html' },
      cache: 'no-store'
    }).then(function (response) {
      if (response.status === 401 || response.redirected) {
        window.location.reload(); // signed out or expired: the page itself sends to the sign-in
        return;
      }
      if (response.status !== 200) {
        return;
      }
      var version = response.headers.get('X-Board-Version');
      return response.text().then(function (html) {
        if (busy(region)) {
          return; // the person started typing meanwhile: the next poll brings it again
        }
        region.innerHTML = html;
        region.setAttribute('data-version', version || '');
        announce(region);
      });
    }).catch(function () { /* offline for a moment: the next poll tries again */ });
  }

  function start() {
    var regions = Array.prototype.slice.call(document.querySelectorAll('[data-live]'));
    if (regions.length === 0) {
      return;
    }
    var running = false;
    window.setInterval(function () {
      if (running) {
        return;
      }
      running = true;
      Promise.all(regions.map(poll)).then(function () { running = false; }, function () { running = false; });
    }, PERIOD_MS);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
