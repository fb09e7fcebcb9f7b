import org.jgroups.JChannel;
import org.jgroups.View;
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
 * The cluster test's rogue member (scripts/cluster-test.sh, issue 28): a host that can reach the nodes' JGroups port and
 * knows everything about the cluster but its secrets (the cluster's name, the members' addresses, the same protocols
 * without AUTH and ASYM_ENCRYPT) tries to join it. Run with the server's own JGroups jar:
 * {@code java -cp jgroups.jar scripts/cluster/RogueMember.java ee 7999 127.0.0.1:9600 127.0.0.1:9700}.
 * Prints what happened and exits 0 when it was kept out (refused, or alone in its own view), 3 when it got in.
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
        TCP tcp = new TCP();
        tcp.setBindAddress(InetAddress.getByName("127.0.0.1"));
        tcp.setBindPort(port);
        TCPPING ping = new TCPPING();
        ping.setInitialHosts(members);
        GMS gms = new GMS();
        gms.setJoinTimeout(5000);
        gms.setMaxJoinAttempts(3);
        Protocol[] stack = {tcp, ping, new MERGE3(), new FD_ALL3(), new VERIFY_SUSPECT2(), new NAKACK4(), new UNICAST4(), gms,
                new FRAG4()};
        try (JChannel channel = new JChannel(stack)) {
            channel.setName("rogue");
            try {
                channel.connect(cluster);
            } catch (Exception refused) {
                System.out.println("refused: " + refused);
                return;
            }
            Thread.sleep(3000); // a view that admits it would have been installed by now
            View view = channel.getView();
            if (view.size() > 1) {
                System.out.println("joined: " + view);
                System.exit(3);
            }
            System.out.println("alone: " + view);
        }
    }
}
