package com.paylink.identity.boundary;



import com.paylink.identity.entity.SignInChannel;
import com.paylink.identity.entity.SignInOutcome;
import java.time.Instant;

/** One line of the sign-in activity an Admin sees (S2). */
public record SignInRow(Instant at, String username, String staffName, String address, SignInChannel channel,
                        SignInOutcome outcome) {
}
