// Mounts Stripe's Payment Element and confirms the PaymentIntent; the card goes to Stripe, never to Paylink.
// Loaded as a file (not inline) so the page's Content-Security-Policy can forbid inline scripts.
(function () {
    var host = document.getElementById('stripe-checkout');
    if (!host || !window.Stripe || !host.dataset.secret) {
        return;
    }
    var stripe = window.Stripe(host.dataset.key);
    var elements = stripe.elements({clientSecret: host.dataset.secret});
    elements.create('payment').mount('#payment-element');
    var button = document.getElementById('stripe-pay');
    var error = document.getElementById('stripe-error');
    button.addEventListener('click', function () {
        button.disabled = true; // one click, one confirmation
        stripe.confirmPayment({elements: elements, confirmParams: {return_url: host.dataset.returnUrl}})
            .then(function (result) {
                if (result.error) {
                    error.textContent = result.error.message;
                    button.disabled = false;
                }
            });
    });
})();
