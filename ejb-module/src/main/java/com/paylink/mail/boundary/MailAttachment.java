package com.paylink.mail.boundary;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/** A file sent with a mail (e.g. a receipt's PDF): its file name, its media type and its bytes. */
public record MailAttachment(String fileName, String contentType, byte[] content) {

    /** Letters, digits, dot, dash and underscore: a name no mail client can misread as a path or a header. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public MailAttachment {
        if (fileName == null || !SAFE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("an attachment needs a plain file name");
        }
        Objects.requireNonNull(contentType, "contentType");
        content = Objects.requireNonNull(content, "content").clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailAttachment other && fileName.equals(other.fileName)
                && contentType.equals(other.contentType) && Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "MailAttachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
