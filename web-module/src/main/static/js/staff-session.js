/*
 * Staff pages: the idle sign-out's warning (S1) and the pushed unread count (issue 11).
 * The server decides: before warning and before leaving, the page asks /staff/session how long is left
 * (a question that does not count as activity), so activity in another tab is respected.
 */
(function () {
    'use strict';
    var config = document.getElementById('plSession');
    if (!config) {
        return;
    }
    var statusUrl = config.getAttribute('data-status');
    var loginUrl = config.getAttribute('data-login');
    var idleSeconds = parseInt(config.getAttribute('data-idle'), 10);
    var warnSeconds = parseInt(config.getAttribute('data-warn'), 10);
    var dialog = document.getElementById('plSessionWarning');
    var countdown = document.getElementById('plSessionCountdown');
    var stay = document.getElementById('plStaySignedIn');
    var timer = null;
    var ticker = null;
    var returnFocus = null;

    function clearTimers() {
        clearTimeout(timer);
        clearInterval(ticker);
        timer = null;
        ticker = null;
    }

    function hide() {
        if (!dialog.hidden) {
            dialog.hidden = true;
            if (returnFocus && returnFocus.focus) {
                returnFocus.focus();
            }
        }
    }

    function signOut() {
        clearTimers();
        window.location.assign(loginUrl);
    }

    function format(seconds) {
        var m = Math.floor(seconds / 60);
        var s = seconds % 60;
        return m > 0 ? m + ':' + (s < 10 ? '0' : '') + s : s + ' s';
    }

    function warn(remaining) {
        if (dialog.hidden) {
            returnFocus = document.activeElement;
            dialog.hidden = false;
            stay.focus();
        }
        var end = Date.now() + remaining * 1000;
        countdown.textContent = format(remaining);
        ticker = setInterval(function () {
            var left = Math.max(0, Math.round((end - Date.now()) / 1000));
            countdown.textContent = format(left);
            if (left <= 0) {
                clearInterval(ticker);
                ask('GET');
            }
        }, 1000);
    }

    /** Plans the warning (and the end) from the seconds the server says are left. */
    function plan(remaining) {
        clearTimers();
        if (remaining <= 0) {
            timer = setTimeout(function () { ask('GET'); }, 1000); // the server ends it and says so (401)
        } else if (remaining > warnSeconds) {
            hide();
            timer = setTimeout(function () { ask('GET'); }, (remaining - warnSeconds) * 1000);
        } else {
            warn(remaining);
        }
    }

    function ask(method) {
        fetch(statusUrl, {method: method, credentials: 'same-origin', cache: 'no-store', redirect: 'manual',
            headers: {'Accept': 'application/json'}})
            .then(function (response) {
                if (response.status === 200) {
                    return response.json().then(function (answer) { plan(answer.remainingSeconds); });
                }
                signOut(); // 401: the server ended the session (or a redirect to the sign-in page)
            })
            .catch(function () {
                clearTimers();
                timer = setTimeout(function () { ask(method); }, 10000); // offline for a moment: ask again
            });
    }

    stay.addEventListener('click', function () { ask('POST'); });
    dialog.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') {
            ask('POST');
        } else if (event.key === 'Tab') {
            event.preventDefault(); // one control: focus stays on it while the dialog is open
            stay.focus();
        }
    });
    // a request the person made (a PrimeFaces ajax call) restarted the server's timer
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', function (event, xhr, settings) {
            if (String(settings && settings.data).indexOf('paylink.passive=true') < 0) {
                plan(idleSeconds);
            }
        });
    }
    plan(idleSeconds);

    // new notifications: the server pushes this person's unread count over a WebSocket (no request follows)
    var pushPath = config.getAttribute('data-push');
    var retry = 2000;
    function listen() {
        var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + pushPath);
        socket.onopen = function () { retry = 2000; };
        socket.onmessage = function (event) {
            try {
                plInboxPushed(JSON.parse(event.data));
            } catch (e) {
                // not a count: ignore
            }
        };
        socket.onclose = function () {
            setTimeout(listen, retry); // the server restarted or the session ended: try again, less often
            retry = Math.min(retry * 2, 60000);
        };
    }
    if (pushPath && window.WebSocket) {
        listen();
    }
})();

/** Faces push: the server's new unread count for this staff member (no request follows). */
function plInboxPushed(message) {
    'use strict';
    var count = document.getElementById('unreadCount');
    if (count && message && typeof message.unread === 'number') {
        count.textContent = String(message.unread);
        count.classList.toggle('pl-count-new', message.unread > 0);
    }
    if (typeof window.plRefreshInbox === 'function') {
        window.plRefreshInbox([{name: 'paylink.passive', value: 'true'}]); // the inbox page shows the new one
        var news = document.getElementById('inboxNews');
        if (news) {
            news.textContent = news.getAttribute('data-text') || 'New notification';
        }
    }
}

/* Escape closes an open "Select an Action" menu (a PrimeFaces menu button) and puts focus back on its button. */
document.addEventListener('keydown', function (event) {
    'use strict';
    if (event.key !== 'Escape' || !window.PrimeFaces || !PrimeFaces.widgets) {
        return;
    }
    Object.keys(PrimeFaces.widgets).forEach(function (name) {
        var widget = PrimeFaces.widgets[name];
        if (widget instanceof PrimeFaces.widget.MenuButton && widget.menu && widget.menu.is(':visible')) {
            widget.hide();
            var button = widget.jq && widget.jq.find('button').get(0);
            if (button) {
                button.focus();
            }
        }
    });
}, true); // capture: before the menu's own key handling, while it is still open
