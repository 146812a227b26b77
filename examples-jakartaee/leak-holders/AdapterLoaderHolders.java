import java.io.File;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netbeans.lib.profiler.heap.FieldValue;
import org.netbeans.lib.profiler.heap.GCRoot;
import org.netbeans.lib.profiler.heap.Heap;
import org.netbeans.lib.profiler.heap.HeapFactory;
import org.netbeans.lib.profiler.heap.Instance;
import org.netbeans.lib.profiler.heap.JavaClass;
import org.netbeans.lib.profiler.heap.Value;

/**
 * Issue 13 item 6: says, for every class loader of a heap dump that loaded the JournalMQ adapter, what
 * keeps it alive. It searches backwards from everything of that loader (the loader, its classes, their
 * instances) to a GC root. Weak and soft references do not count, and neither do the holders that
 * belong to GlassFish 7.0.21 itself, found with this tool and a debugger (docs/benchmarks.md,
 * "Redeploying the resource adapter"):
 * <ul>
 *   <li>HK2's reflection cache: GlassFish makes every adapter's ManagedConnectionFactory with
 *       {@code ServiceLocator.createAndInitialize}, which caches the class for the server's life;</li>
 *   <li>GlassFish's event listeners: the {@code DeployCommand} and {@code ConnectorApplication} of each
 *       deployment stay registered after the undeploy;</li>
 *   <li>GlassFish's {@code ResourceValidator}, which keeps the last application it validated (so the last
 *       deployment only);</li>
 *   <li>a thread's context class loader: server pool threads started during a deployment inherit the
 *       adapter's loader (the caller checks that no {@code journalmq-*} thread outlives an undeploy).</li>
 * </ul>
 * Prints one line per loader and, for a loader held by anything else, the chain from the root; exits
 * with the number of such loaders.
 *
 * <pre>java -cp org-netbeans-lib-profiler.jar AdapterLoaderHolders.java heap.hprof [marker class]</pre>
 */
public class AdapterLoaderHolders {

    private static final Set<String> SERVER_HOLDERS = Set.of(
            "org.glassfish.hk2.utilities.reflection.internal.ClassReflectionHelperImpl",
            "org.glassfish.kernel.event.OSGiAwareEventsImpl",
            "com.sun.enterprise.deployment.util.ResourceValidator");

    public static void main(String[] args) throws Exception {
        Heap heap = HeapFactory.createHeap(new File(args[0]));
        String marker = args.length > 1 ? args[1] : "org.journalmq.ra.JournalResourceAdapter";
        List<Instance> loaders = new ArrayList<>();
        for (Object o : heap.getAllClasses()) {
            JavaClass c = (JavaClass) o;
            if (c.getName().equals(marker) && c.getClassLoader() != null) {
                loaders.add(c.getClassLoader());
            }
        }
        int heldByOthers = 0;
        for (Instance loader : loaders) {
            List<Instance> chain = heldBy(heap, loader);
            if (chain.isEmpty()) {
                System.out.printf("loader %d: held by GlassFish's own holders only%n", loader.getInstanceNumber());
            } else {
                heldByOthers++;
                System.out.printf("loader %d: HELD, from GC root %s:%n", loader.getInstanceNumber(),
                        heap.getGCRoot(chain.get(0)).getKind());
                chain.forEach(i -> System.out.println("    " + name(heap, i)));
            }
        }
        System.out.printf("adapter class loaders in the heap: %d, held by something else than GlassFish's own"
                + " holders: %d%n", loaders.size(), heldByOthers);
        System.exit(heldByOthers);
    }

    /** The chain from a GC root down to something of the loader, or empty if none is left. */
    private static List<Instance> heldBy(Heap heap, Instance loader) {
        Set<Long> inside = new HashSet<>();
        Deque<Instance> queue = new ArrayDeque<>();
        inside.add(loader.getInstanceId());
        queue.add(loader);
        for (Object o : heap.getAllClasses()) {
            JavaClass c = (JavaClass) o;
            if (c.getClassLoader() != null && c.getClassLoader().getInstanceId() == loader.getInstanceId()) {
                Instance classObject = heap.getInstanceByID(c.getJavaClassId());
                if (classObject != null && inside.add(classObject.getInstanceId())) {
                    queue.add(classObject);
                }
                for (Object i : c.getInstances()) {
                    Instance instance = (Instance) i;
                    if (inside.add(instance.getInstanceId())) {
                        queue.add(instance);
                    }
                }
            }
        }
        Set<Long> seen = new HashSet<>(inside);
        Map<Long, Instance> towardsLoader = new HashMap<>();
        while (!queue.isEmpty()) {
            Instance current = queue.poll();
            GCRoot root = heap.getGCRoot(current);
            if (root != null && !inside.contains(current.getInstanceId())) {
                List<Instance> chain = new ArrayList<>();
                for (Instance step = current; step != null; step = towardsLoader.get(step.getInstanceId())) {
                    chain.add(step);
                }
                return chain;
            }
            for (Object r : current.getReferences()) {
                Value edge = (Value) r;
                Instance from = edge.getDefiningInstance();
                if (from == null || seen.contains(from.getInstanceId()) || ignored(from, edge)) {
                    continue;
                }
                seen.add(from.getInstanceId());
                towardsLoader.put(from.getInstanceId(), current);
                queue.add(from);
            }
        }
        return List.of();
    }

    private static boolean ignored(Instance from, Value edge) {
        JavaClass type = from.getJavaClass();
        if (SERVER_HOLDERS.contains(type.getName())) {
            return true;
        }
        if (edge instanceof FieldValue field) {
            String name = field.getField().getName();
            return (name.equals("referent") && isA(type, "java.lang.ref.Reference"))
                    || (name.equals("contextClassLoader") && isA(type, "java.lang.Thread"));
        }
        return false;
    }

    private static boolean isA(JavaClass type, String name) {
        for (JavaClass k = type; k != null; k = k.getSuperClass()) {
            if (k.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String name(Heap heap, Instance i) {
        if (i.getJavaClass().getName().equals("java.lang.Class")) {
            JavaClass c = heap.getJavaClassByID(i.getInstanceId());
            if (c != null) {
                return "class " + c.getName();
            }
        }
        return i.getJavaClass().getName() + "#" + i.getInstanceNumber();
    }
}
