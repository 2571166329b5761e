/// Groups the paths of a log into patterns by the structure of their segments alone: a position
/// where the paths hold many distinct values (or values that look like ids and slugs) is an item
/// id or slug, so `/product/123` and `/product/456` become `/product/*`; a first segment that is a
/// language or market code and repeats the site's structure below it is a prefix.
package struct PatternLearner {
    /// At this many distinct values below one position, the values are items, whatever they say.
    package var manyValues = 8
    /// Fewer distinct values still are items when most of them look like ids or slugs.
    package var fewValues = 3

    package init() {}

    /// The language and market prefixes among the first segments of `paths` (views per path).
    package func prefixes(of paths: [String: Int]) -> [String] {
        var below: [String: Set<String>] = [:]   // candidate prefix -> second segments
        var views: [String: Int] = [:]
        var unprefixedFirst = Set<String>()
        var total = 0
        for (path, n) in paths {
            total += n
            let parts = path.split(separator: "/").map(String.init)
            guard let first = parts.first else { continue }
            if PathShape.looksLikeLocale(first) {
                below[first.lowercased(), default: []].insert(parts.count > 1 ? parts[1] : "")
                views[first.lowercased(), default: 0] += n
            } else {
                unprefixedFirst.insert(first)
            }
        }
        var found: [String] = []
        for (candidate, seconds) in below {
            var others = unprefixedFirst
            for (other, s) in below where other != candidate { others.formUnion(s) }
            let shared = seconds.filter { others.contains($0) }.count
            let repeatsSite = seconds.count >= 2 && Double(shared) >= 0.5 * Double(seconds.count)
            let holdsSite = seconds.count >= 3 && Double(views[candidate] ?? 0) >= 0.5 * Double(total)
            if repeatsSite || holdsSite { found.append(candidate) }
        }
        return found.sorted()
    }

    /// The pattern of every path: `paths` with their views, `prefixes` from `prefixes(of:)`.
    package func learn(_ paths: [String: Int], prefixes: [String]) -> [String: PathPattern] {
        let prefixSet = Set(prefixes)
        let root = Node()
        var shapes: [String: PathShape] = [:]
        for (path, n) in paths {
            let shape = PathShape(path: path, prefixes: prefixSet)
            shapes[path] = shape
            var node = root
            for s in shape.segments + (shape.trailingSlash ? [Self.slashMark] : []) { node = node.child(s) }
            node.views += n
        }
        generalise(root)
        var result: [String: PathPattern] = [:]
        for (path, shape) in shapes {
            var node = root
            var segments: [String?] = []
            for s in shape.segments + (shape.trailingSlash ? [Self.slashMark] : []) {
                if let next = node.children[s] { node = next; segments.append(s) }
                else if let star = node.wildcard { node = star; segments.append(nil) }
                else { segments.append(s) }  // not reached: every segment stays or was folded
            }
            if shape.trailingSlash { segments.removeLast() }
            result[path] = PathPattern(segments: segments, prefixed: shape.prefix != nil,
                                       trailingSlash: shape.trailingSlash)
        }
        // A pattern is prefixed when any of its paths is, so one rule covers both forms.
        var prefixedPatterns = Set<PathPattern>()
        for p in result.values where p.prefixed {
            var bare = p; bare.prefixed = false
            prefixedPatterns.insert(bare)
        }
        for (path, p) in result where !p.prefixed && prefixedPatterns.contains(p) {
            result[path]!.prefixed = true
        }
        return result
    }

    /// Folds, depth first, the values of a position that are items into one `*`:
    /// - values that look like ids or slugs and are alike (a digit first or last, the same file
    ///   extension, a page or a folder), when there are a few of them (many at the root, whose
    ///   hyphenated words are as often the site's sections: `/my-account`, `/order-history`);
    /// - folders below which the paths have the same structure with an item in it (`/denim/*`
    ///   beside `/summer-dresses/*`), when a few are alike or they match the folded ones;
    /// - ids and slugs of any kind when there are many of them below a folder;
    /// - plain words when there are many of them (below the root only: the root's plain words
    ///   are the site's sections, `/search`, `/cart`).
    private func generalise(_ node: Node, depth: Int = 0) {
        for name in node.children.keys.sorted() { generalise(node.children[name]!, depth: depth + 1) }
        let names = node.children.keys.sorted()
        var fold = Set<String>()
        let threshold = depth == 0 ? manyValues : fewValues
        var bySignature: [String: [String]] = [:]
        for name in names where name != Self.slashMark && Self.looksLikeItem(name) {
            bySignature[Self.signature(name) + (node.children[name]!.isLeaf ? "|page" : "|folder"), default: []].append(name)
        }
        for group in bySignature.values where group.count >= threshold { fold.formUnion(group) }
        // Many ids or slugs of any kind below one folder (not the root, whose hyphenated words
        // are as often its sections): the folder's items (blog posts, documents).
        let allIDs = bySignature.values.flatMap { $0 }
        if depth > 0 && allIDs.count >= manyValues { fold.formUnion(allIDs) }
        let plainLeaves = names.filter { $0 != Self.slashMark && !Self.looksLikeItem($0) && node.children[$0]!.isLeaf }
        if depth > 0 && plainLeaves.count >= manyValues { fold.formUnion(plainLeaves) }
        if !fold.isEmpty {
            node.fold(fold)
            generalise(node.wildcard!, depth: depth + 1)
        }
        // Folders of the same structure with an item in it.
        var byShape: [String: [String]] = [:]
        for (name, child) in node.children where name != Self.slashMark {
            let shape = child.shape
            if shape.contains("*") { byShape[shape, default: []].append(name) }
        }
        let starShape = node.wildcard?.shape
        var alike = Set<String>()
        for (shape, group) in byShape where group.count >= fewValues || shape == starShape { alike.formUnion(group) }
        if !alike.isEmpty {
            node.fold(alike)
            generalise(node.wildcard!, depth: depth + 1)
        }
    }

    /// The segment a trailing `/` becomes in the tree, so that `/x/` and `/x` are told apart.
    static let slashMark = "/"

    /// What alike ids share: a digit first, a digit last, the file extension.
    static func signature(_ segment: String) -> String {
        let ext = segment.lastIndex(of: ".").map { String(segment[segment.index(after: $0)...]).lowercased() } ?? ""
        let stem = segment.lastIndex(of: ".").map { String(segment[..<$0]) } ?? segment
        return "\(stem.first?.isNumber == true)\(stem.last?.isNumber == true).\(ext)"
    }

    /// A segment that reads as an id or a slug: it holds a digit, a hyphen or underscore
    /// joining words, a file extension (`.html`), or is long.
    package static func looksLikeItem(_ segment: String) -> Bool {
        segment.contains(where: \.isNumber) || segment.contains("-") || segment.contains("_") || segment.contains(".")
            || segment.count >= 16
    }

    private final class Node {
        var views = 0
        var children: [String: Node] = [:]
        var wildcard: Node? = nil

        func child(_ name: String) -> Node {
            if let c = children[name] { return c }
            if let wildcard, name != PatternLearner.slashMark { return wildcard }
            let c = Node()
            children[name] = c
            return c
        }

        /// Takes `other`'s views and subtree into this node.
        func absorb(_ other: Node) {
            views += other.views
            if let w = other.wildcard {
                let star = wildcard ?? Node()
                wildcard = star
                star.absorb(w)
            }
            for name in other.children.keys.sorted() { child(name).absorb(other.children[name]!) }
        }

        /// A page with nothing below it (a trailing `/` aside).
        var isLeaf: Bool {
            wildcard == nil && (children.isEmpty || (children.count == 1 && children[PatternLearner.slashMark]?.isLeaf == true))
        }

        /// The structure below this node: whether it has views, its literal children by name,
        /// its `*` child.
        var shape: String {
            var out = views > 0 ? "v(" : "("
            for name in children.keys.sorted() { out += name + ":" + children[name]!.shape + "," }
            if let wildcard { out += "*:" + wildcard.shape }
            return out + ")"
        }

        /// Moves the children `names` into one `*` child, with what it held before.
        func fold(_ names: Set<String>) {
            let star = wildcard ?? Node()
            for name in names.sorted() { star.absorb(children[name]!); children[name] = nil }
            wildcard = star
        }

        /// Turns every child into the `*` child.
    }
}
