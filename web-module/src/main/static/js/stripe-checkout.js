// Mounts Stripe's Payment Element for the amount due, and only when the payer presses Pay asks Paylink for
// the link's PaymentIntent, then confirms it with Stripe. The card goes to Stripe, never to Paylink.
// Where the link allows partial payments the payer's choice (full balance or another amount) goes with the
// request; Paylink decides what may be paid and answers a refused amount with its message (PAY16).
// Loaded as a file (not inline) so the page's Content-Security-Policy can forbid inline scripts.
(function () {
    var host = document.getElementById('stripe-checkout');
    if (!host || !window.Stripe) {
        return;
    }
    // Direct charges (ADR 0005): the intent lives on the practice's connected account, and Stripe.js finds it only
    // when told that account; without it every confirmation is answered "No such payment_intent".
    var stripe = window.Stripe(host.dataset.key, {stripeAccount: host.dataset.account, locale: host.dataset.locale || 'auto'});
    var balance = Number(host.dataset.amount);
    // The payment method types the practice's intents name (cards, and a US bank account where the practice allows it,
    // P8): the Payment Element offers the same, and names the practice in the bank debit's mandate.
    var elements = stripe.elements({mode: 'payment', locale: host.dataset.locale || 'auto', amount: balance, currency: host.dataset.currency,
        paymentMethodTypes: (host.dataset.methods || 'card').split(',')});
    elements.create('payment', {business: {name: host.dataset.business}}).mount('#payment-element');
    // Issue 25 (PAY19): "Save this card", unticked. Ticked, the Payment Element is set up to save it, as Stripe.js
    // requires when the intent saves it (the server sets the intent so when it is asked with saveCard=1)
    var save = document.getElementById('stripeSaveCard');
    var saveName = document.getElementById('stripeSaveName');
    if (save) {
        save.addEventListener('change', function () {
            document.getElementById('stripeSaveNameField').hidden = !save.checked;
            elements.update({setupFutureUsage: save.checked ? 'off_session' : null});
        });
    }
    var button = document.getElementById('stripe-pay');
    var error = document.getElementById('stripe-error');
    var typed = document.getElementById('stripeOtherAmount');
    function fail(message) {
        error.textContent = message;
        button.disabled = false;
    }
    function otherChosen() {
        var other = document.getElementById('stripeAmountOther');
        return !!(other && other.checked);
    }
    // The amount the Payment Element shows: the server decides what is paid, this only keeps the two alike.
    function chosenMinor() {
        if (!otherChosen()) {
            return balance;
        }
        var text = (typed.value || '').replace(/[$\s]/g, '');
        if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) {
            text = text.replace(/,/g, '');
        }
        return /^(\d+(\.\d{0,2})?|\.\d{1,2})$/.test(text) ? Math.round(Number(text) * 100) : balance;
    }
    button.addEventListener('click', function () {
        button.disabled = true; // one click, one confirmation
        error.textContent = '';
        elements.update({amount: chosenMinor() > 0 ? chosenMinor() : balance});
        elements.submit().then(function (checked) {
            if (checked.error) {
                return fail(checked.error.message);
            }
            var body = new URLSearchParams();
            body.set('amountChoice', otherChosen() ? 'other' : 'full');
            body.set('amount', otherChosen() ? typed.value : '');
            if (save && save.checked) {
                body.set('saveCard', '1');
                body.set('saveName', saveName.value);
            }
            return fetch(host.dataset.intentUrl, {method: 'POST', credentials: 'same-origin', body: body,
                headers: {'X-Paylink-Form': host.dataset.form}})
                .then(function (answer) {
                    if (answer.status === 422 || answer.status === 429) { // refused (the amount, or too many tries): nothing was charged
                        return answer.json().then(function (refused) {
                            fail(refused.message);
                            return null;
                        });
                    }
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
