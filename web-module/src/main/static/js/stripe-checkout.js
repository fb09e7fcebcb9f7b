// Mounts Stripe's Payment Element for the amount due, and only when the payer presses Pay asks Paylink for
// the link's PaymentIntent, then confirms it with Stripe. The card goes to Stripe, never to Paylink.
// Loaded as a file (not inline) so the page's Content-Security-Policy can forbid inline scripts.
(function () {
    var host = document.getElementById('stripe-checkout');
    if (!host || !window.Stripe) {
        return;
    }
    var stripe = window.Stripe(host.dataset.key);
    var elements = stripe.elements({mode: 'payment', locale: host.dataset.locale || 'auto', amount: Number(host.dataset.amount), currency: host.dataset.currency});
    elements.create('payment').mount('#payment-element');
    var button = document.getElementById('stripe-pay');
    var error = document.getElementById('stripe-error');
    function fail(message) {
        error.textContent = message;
        button.disabled = false;
    }
    button.addEventListener('click', function () {
        button.disabled = true; // one click, one confirmation
        elements.submit().then(function (checked) {
            if (checked.error) {
                return fail(checked.error.message);
            }
            return fetch(host.dataset.intentUrl, {method: 'POST', credentials: 'same-origin',
                headers: {'X-Paylink-Form': host.dataset.form}})
                .then(function (answer) {
                    if (!answer.ok) {
                        window.location.reload(); // paid, expired or unavailable meanwhile: the page says which
                        return null;
                    }
                    return answer.json();
                })
                .then(function (intent) {
                    if (!intent) {
                        return null;
                    }
                    return stripe.confirmPayment({elements: elements, clientSecret: intent.clientSecret,
                        confirmParams: {return_url: host.dataset.returnUrl}});
                })
                .then(function (result) {
                    if (result && result.error) {
                        fail(result.error.message);
                    }
                });
        });
    });
})();
