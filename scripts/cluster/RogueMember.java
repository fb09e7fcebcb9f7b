import org.jgroups.JChannel;
import org.jgroups.View;
import org.jgroups.auth.FixedMembershipToken;
import org.jgroups.protocols.ASYM_ENCRYPT;
import org.jgroups.protocols.AUTH;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.NAKACK4;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UNICAST4;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.stack.Protocol;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster test's rogue members (scripts/cluster-test.sh, issue 28): a host that can reach the nodes' JGroups port and
 * knows everything about the cluster but its secrets (the cluster's name, the members' addresses, the same protocols
 * without AUTH and ASYM_ENCRYPT) tries to join it. Run with the server's own JGroups jar:
 * {@code java -cp jgroups.jar scripts/cluster/RogueMember.java ejb 9899 127.0.0.1:9600 127.0.0.1:9700} (the cluster name as
 * the nodes report it).
 * It tries twice: speaking plainly, then as a member would, with ASYM_ENCRYPT (a key pair of its own) and AUTH (a
 * token of its own). Prints what happened to each and exits 0 when both were kept out (refused, or alone in their own
 * view), 3 when one got in.
 */
public class RogueMember {

    public static void main(String[] args) throws Exception {
        String cluster = args[0];
        int port = Integer.parseInt(args[1]);
        List<InetSocketAddress> members = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] hostPort = args[i].split(":");
            members.add(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])));
        }
        boolean in = false;
        for (boolean likeAMember : new boolean[]{false, true}) {
            in |= tryToJoin(cluster, port + (likeAMember ? 1 : 0), members, likeAMember);
        }
        if (in) {
            System.exit(3);
        }
    }

    private static boolean tryToJoin(String cluster, int port, List<InetSocketAddress> members, boolean likeAMember)
            throws Exception {
        String who = likeAMember ? "rogue with ASYM_ENCRYPT and a token of its own" : "plain rogue";
        TCP tcp = new TCP();
        tcp.setBindAddress(InetAddress.getByName("127.0.0.1"));
        tcp.setBindPort(port);
        TCPPING ping = new TCPPING();
        ping.setInitialHosts(members);
        GMS gms = new GMS();
        gms.setJoinTimeout(5000);
        gms.setMaxJoinAttempts(2);
        List<Protocol> stack = new ArrayList<>(List.of(tcp, ping, new MERGE3(), new FD_ALL3(), new VERIFY_SUSPECT2()));
        if (likeAMember) {
            stack.add(new ASYM_ENCRYPT());
        }
        stack.addAll(List.of(new NAKACK4(), new UNICAST4()));
        if (likeAMember) {
            AUTH auth = new AUTH();
            FixedMembershipToken guess = new FixedMembershipToken(); // a token of its own: it has not the cluster's secret
            guess.setMemberList("127.0.0.1");
            auth.setAuthToken(guess);
            stack.add(auth);
        }
        stack.addAll(List.of(gms, new FRAG4()));
        String name = likeAMember ? "rogue2" : "rogue";
        try (JChannel channel = new JChannel(stack)) {
            channel.setName(name);
            try {
                channel.connect(cluster);
            } catch (Exception refused) {
                System.out.println(who + ": refused: " + refused);
                return false;
            }
            Thread.sleep(3000); // a view that admits it would have been installed by now
            View view = channel.getView();
            System.out.println(who + (view.size() > 1 ? ": joined: " : ": alone: ") + view);
            return view.size() > 1;
        }
    }
}
