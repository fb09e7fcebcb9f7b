package com.paylink.web.payer;

import jakarta.faces.application.FacesMessage;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.Serializable;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PL13: what a payer's next page should show is stored as bytes, and only page values are read back. */
class PayerSessionTest {

    @Test
    void theNextPagesValuesComeBackAsTheyWereKept() {
        Map<String, Serializable> kept = Map.of(
                "kept", new String[]{"Pat Payer", "12/39", "02139"},
                "refunded", Boolean.TRUE,
                "declined", "Your card was declined.",
                "messages", new FacesMessage[]{new FacesMessage(FacesMessage.SEVERITY_ERROR, "Check the card", null)});
        Map<String, Serializable> back = PayerSession.read(PayerSession.write(kept));
        assertThat((String[]) back.get("kept")).containsExactly("Pat Payer", "12/39", "02139");
        assertThat(back.get("refunded")).isEqualTo(Boolean.TRUE);
        assertThat(back.get("declined")).isEqualTo("Your card was declined.");
        FacesMessage message = ((FacesMessage[]) back.get("messages"))[0];
        assertThat(message.getSummary()).isEqualTo("Check the card");
        assertThat(message.getSeverity()).isEqualTo(FacesMessage.SEVERITY_ERROR);
    }

    @Test
    void anythingButPageValuesIsNotReadBack() {
        assertThat(PayerSession.read(PayerSession.write(Map.of("file", new File("/etc/passwd"))))).isEmpty();
    }
}
