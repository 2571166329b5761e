import JourneysCore

/// Turns one access-log line into an event, or into the reason it is left out.
extension ExtractContext {
    package enum LineResult {
        case event(Event)
        case skipped(LineOutcome)
    }

    package func classify(accessLogLine line: UnsafeRawBufferPointer) -> LineResult {
        if !isASCII(line) && !isValidUTF8(line) { return .skipped(.invalidUTF8) }
        guard let f = CombinedLogParser.parse(line) ?? CombinedLogParser.parse(line, skippingFields: 1) else {
            return .skipped(.malformed)
        }
        guard let time = LogTimestamp.parse(UnsafeRawBufferPointer(rebasing: line[f.time])) else {
            return .skipped(.badTimestamp)
        }
        var r = LineRecord()
        r.time = time
        r.client = UnsafeRawBufferPointer(rebasing: line[f.host])
        // Common Log Format has no user agent: not a bot for lack of one.
        r.agent = f.userAgent.map { UnsafeRawBufferPointer(rebasing: line[$0]) }
        r.method = UnsafeRawBufferPointer(rebasing: line[f.method])
        r.target = UnsafeRawBufferPointer(rebasing: line[f.target])
        r.status = f.status
        r.referrer = f.referrer.map { UnsafeRawBufferPointer(rebasing: line[$0]) }
        r.customer = UnsafeRawBufferPointer(rebasing: line[f.user])
        r.customerIsRemoteUser = true
        return classify(r)
    }

    /// Applies the filters to a decoded line and builds its event.
    func classify(_ r: LineRecord) -> LineResult {
        valueNote = nil
        let time = r.time
        if time < options.keepFrom || time >= options.keepUntil {
            return .skipped(time < options.bulkFrom || time > options.bulkUntil ? .farFromData : .outsidePeriod)
        }

        var agent = Agent(isBot: false, deviceClass: .desktop)
        if let ua = r.agent {
            agent = self.agent(ua)
            if agent.isBot { return .skipped(.bot) }
        }

        let target = r.target
        var pathEnd = 0
        if let base = target.baseAddress, !target.isEmpty {
            let p = base.assumingMemoryBound(to: UInt8.self)
            while pathEnd < target.count && p[pathEnd] != 0x3F && p[pathEnd] != 0x23 { pathEnd += 1 }
        }
        var path = UnsafeRawBufferPointer(rebasing: target[0..<pathEnd])
        path = stripSchemeAndHost(path)
        if !target.isEmpty && isAsset(path) { return .skipped(.staticAsset) }

        if let status = r.status {
            switch status {
            case 400..<500: return .skipped(.clientError)
            case 500..<600: return .skipped(.serverError)
            case 300..<400 where !options.keepRedirects: return .skipped(.redirect)
            default: break
            }
        }
        if let method = r.method, !isKeptMethod(method) { return .skipped(.method) }

        let pathSymbol: Symbol
        if !target.isEmpty {
            pathSymbol = path.isEmpty ? intern("/") : intern(path)
        } else if !r.eventPath.isNone {
            pathSymbol = r.eventPath
        } else if let name = r.eventName, !LineRecord.isMissing(name) {
            pathSymbol = eventPath(name)
        } else {
            return .skipped(.missingField)
        }

        let device: Pseudonym
        if options.deviceIsHostOnly && !r.client.isEmpty {
            device = pseudonym(r.client, LineRecord.empty)
        } else if let cookie = r.cookie, !LineRecord.isMissing(cookie) {
            device = cookiePseudonym(cookie)
        } else if !LineRecord.isMissing(r.client) {
            // a user agent alone is no device: every customer with the same browser would share it
            device = pseudonym(r.client, r.agent ?? LineRecord.empty)
        } else if r.customer == nil || LineRecord.isMissing(r.customer!)
                    || (r.customerIsRemoteUser && !options.customerFromRemoteUser) {
            // nobody to tell this visitor apart by: no device, and no customer id in use
            return .skipped(.missingField)
        } else {
            device = .none  // the customer id stands in for the device below
        }
        var event = Event(time: time, device: device, path: pathSymbol)
        event.deviceClass = agent.deviceClass

        if let user = r.customer, !LineRecord.isMissing(user), !r.customerIsRemoteUser || options.customerFromRemoteUser {
            event.customer = customerPseudonym(user)
            if device.isNone { event.device = event.customer }
        }
        if let ref = r.referrer {
            event.referrerHost = referrerHost(ref)
        }
        if let q = r.query, !q.isEmpty {
            readQuery(q, into: &event)
        } else if pathEnd < target.count, target[pathEnd] == 0x3F {
            var end = pathEnd + 1
            while end < target.count && target[end] != 0x23 { end += 1 }
            readQuery(UnsafeRawBufferPointer(rebasing: target[(pathEnd + 1)..<end]), into: &event)
        }
        if event.order == nil, let id = r.orderID, !LineRecord.isMissing(id) {
            event.order = order(intern(id), value: r.orderValue.map { MoneyText.read($0, currency: options.currency) } ?? .missing, isLineItem: r.orderIsLineItems)
        }
        if event.survey == nil, let t = r.surveyType, let s = r.surveyScore {
            event.survey = surveyAnswer(String(decoding: t, as: UTF8.self), String(decoding: s, as: UTF8.self))
        }
        if let d = r.handlingSeconds, let seconds = Double(String(decoding: d, as: UTF8.self)), seconds >= 0, seconds < 1e9 {
            event.handlingSeconds = Int32(seconds.rounded())
        }
        return .event(event)
    }

    private func isKeptMethod(_ method: UnsafeRawBufferPointer) -> Bool {
        if QueryString.equals(method, "GET") || QueryString.equals(method, "POST") {
            return options.methods.contains(method.count == 3 ? "GET" : "POST")
        }
        return options.methods.contains(String(decoding: method, as: UTF8.self))
    }

    private func surveyAnswer(_ type: String, _ score: String) -> SurveyAnswer? {
        guard let kind = SurveyAnswer.Kind(rawValue: type.lowercased()), let score = Int(score),
              kind.scale(cesPoints: options.cesPoints).contains(score) else { return nil }
        return SurveyAnswer(kind: kind, score: score)
    }

    /// The search term of a raw query value. Most are ASCII without escapes (`+` for spaces):
    /// those are lower-cased and their whitespace collapsed on the bytes, and interned through
    /// the byte cache, with no string made for a term seen before. For ASCII this is the term
    /// `searchTerm(_:)` gives: lower-casing and whitespace are those of the bytes, and each byte
    /// is one character. Other values are decoded and go through `searchTerm(_:)`.
    private func searchTerm(query value: UnsafeRawBufferPointer) -> Symbol {
        guard isASCII(value), !value.contains(0x25) else { return searchTerm(QueryString.decode(value)) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maxSearchTerm) { out -> Symbol in
            var n = 0, pendingSpace = false
            for byte in value {
                let b = byte == 0x2B ? 0x20 : byte
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    pendingSpace = n > 0
                    continue
                }
                if pendingSpace {
                    guard n < out.count else { break }
                    out[n] = 0x20
                    n += 1
                    pendingSpace = false
                }
                guard n < out.count else { break }
                out[n] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                n += 1
            }
            return n == 0 ? .none : intern(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: out[0..<n])))
        }
    }

    /// The longest search term, in characters.
    private static let maxSearchTerm = 100

    /// A search term as people mean it: lower-cased, inner whitespace collapsed, at most 100
    /// characters; empty terms are none.
    private func searchTerm(_ raw: String) -> Symbol {
        let words = raw.lowercased().split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return .none }
        return intern(String(words.joined(separator: " ").prefix(Self.maxSearchTerm)))
    }

    private func readQuery(_ query: UnsafeRawBufferPointer, into event: inout Event) {
        var campaign = Campaign()
        var hasCampaign = false
        var utm: (source: String?, medium: String?, name: String?, term: String?, content: String?) = (nil, nil, nil, nil, nil)
        var orderID: UnsafeRawBufferPointer? = nil
        var orderValue = MoneyText.Reading.missing
        var surveyKind: SurveyAnswer.Kind? = nil
        var surveyScore: Int? = nil
        QueryString.forEachPair(query) { key, value in
            guard !value.isEmpty else { return }
            if key.count > 4, key[0] == 0x75, key[1] == 0x74, key[2] == 0x6D, key[3] == 0x5F {  // utm_
                if QueryString.equals(key, "utm_source") { utm.source = QueryString.decode(value); campaign.source = intern(utm.source!); hasCampaign = true }
                else if QueryString.equals(key, "utm_medium") { utm.medium = QueryString.decode(value); campaign.medium = intern(utm.medium!); hasCampaign = true }
                else if QueryString.equals(key, "utm_campaign") { utm.name = QueryString.decode(value); campaign.name = intern(utm.name!); hasCampaign = true }
                else if QueryString.equals(key, "utm_term") { utm.term = QueryString.decode(value); hasCampaign = true }
                else if QueryString.equals(key, "utm_content") { utm.content = QueryString.decode(value); hasCampaign = true }
                return
            }
            if key.count == 5 || key.count == 6 || key.count == 7 {
                for click in ClickID.allCases where key.elementsEqual(click.rawValue.utf8) {
                    if campaign.clickID == nil {
                        campaign.clickID = click
                        campaign.clickValue = Campaign.fingerprint([click.rawValue, QueryString.decode(value)])
                    }
                    hasCampaign = true
                    return
                }
            }
            if key.elementsEqual(options.orderIDParameter.utf8) { orderID = value }
            else if key.elementsEqual(options.orderValueParameter.utf8) { orderValue = QueryString.money(value, currency: options.currency) }
            else if key.elementsEqual(options.surveyTypeParameter.utf8) { surveyKind = SurveyAnswer.Kind(rawValue: QueryString.decode(value).lowercased()) }
            else if key.elementsEqual(options.surveyScoreParameter.utf8) { surveyScore = Int(QueryString.decode(value)) }
            else if key.elementsEqual(options.searchParameter.utf8) { event.searchTerm = searchTerm(query: value) }
            else if let name = options.customerQueryParameter, key.elementsEqual(name.utf8) {
                // decoded first, so that `a%40b.example` and `a@b.example` are one customer
                let id = Array(QueryString.decode(value).utf8)
                event.customer = id.withUnsafeBytes { customerPseudonym($0) }
            }
        }
        if hasCampaign {
            if utm.term != nil || utm.content != nil {
                campaign.termAndContent = Campaign.fingerprint([utm.term ?? "", utm.content ?? ""])
            }
            // Matomo's campaign name is the first of these given (without one it sees no campaign);
            // its keyword is utm_term; it compares both lower-cased.
            if let name = utm.name ?? utm.source ?? utm.medium {
                campaign.nameAndKeyword = Campaign.fingerprint([name.lowercased(), (utm.term ?? "").lowercased()])
            }
            event.campaign = campaign
        }
        if let id = orderID {
            event.order = order(intern(QueryString.decode(id)), value: orderValue, isLineItem: false)
        }
        if let kind = surveyKind, let score = surveyScore, kind.scale(cesPoints: options.cesPoints).contains(score) {
            event.survey = SurveyAnswer(kind: kind, score: score)
        }
    }

    /// The order of a line with an order id, in every format alike: without a value, or with one
    /// that cannot be read (noted), it is an order without a value; above `maxOrderValueCents` or
    /// the outlier bound (noted apart) it is no order at all: a forged confirmation hit is not a
    /// purchase. A line item above them comes as a rejected order, which takes its whole order
    /// with it in sessionize.
    private func order(_ id: Symbol, value: MoneyText.Reading, isLineItem: Bool) -> Order? {
        switch value {
        case .cents(let cents) where cents <= options.orderValueBoundCents:
            return Order(id: id, valueCents: cents, isLineItem: isLineItem)
        case .cents(let cents) where cents <= options.maxOrderValueCents:
            valueNote = .orderValueOutlier
            return isLineItem ? Order(id: id, valueCents: 0, isLineItem: true, hasValue: false, isRejected: true) : nil
        case .cents, .tooLarge:
            valueNote = .orderValueImplausible
            return isLineItem ? Order(id: id, valueCents: 0, isLineItem: true, hasValue: false, isRejected: true) : nil
        case .unreadable:
            valueNote = .orderValueUnreadable
            return Order(id: id, valueCents: 0, isLineItem: isLineItem, hasValue: false)
        case .missing:
            return Order(id: id, valueCents: 0, isLineItem: isLineItem, hasValue: false)
        }
    }

    /// Host of an external referrer, lower-cased; `.none` for `-` and for the shop's own hosts.
    private func referrerHost(_ url: UnsafeRawBufferPointer) -> Symbol {
        guard url.count > 1 else { return .none }
        var i = 0
        // skip "scheme://"
        while i + 2 < url.count && !(url[i] == 0x3A && url[i + 1] == 0x2F && url[i + 2] == 0x2F) { i += 1 }
        guard i + 2 < url.count else { return .none }
        i += 3
        var j = i
        while j < url.count, url[j] != 0x2F, url[j] != 0x3A, url[j] != 0x3F, url[j] != 0x23 { j += 1 }
        guard j > i else { return .none }
        let bytes = UnsafeRawBufferPointer(rebasing: url[i..<j])
        let h = fastHash(bytes)
        if let known = referrerHosts.find(bytes, hash: h) { return known }
        let host = intern(bytes)
        let name = symbols[host]
        let lower = name.lowercased()
        let resolved = options.ownHosts.contains(lower) ? .none : lower == name ? host : intern(lower)
        referrerHosts.insert(bytes, hash: h, value: resolved)
        return resolved
    }

    private func stripSchemeAndHost(_ path: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard let first = path.first, first != 0x2F else { return path }
        // absolute-form target (proxy requests): http://host/path
        var i = 0
        while i + 2 < path.count && !(path[i] == 0x3A && path[i + 1] == 0x2F && path[i + 2] == 0x2F) { i += 1 }
        guard i + 2 < path.count else { return path }
        var j = i + 3
        while j < path.count && path[j] != 0x2F { j += 1 }
        return UnsafeRawBufferPointer(rebasing: path[j...])
    }

    /// Whether the path ends in `.ext` of a static asset: the extension, lower-cased, packed
    /// into one word and compared with the configured ones, without making a String.
    private func isAsset(_ path: UnsafeRawBufferPointer) -> Bool {
        guard !path.isEmpty else { return false }
        var i = path.count - 1
        while i >= 0 && path[i] != 0x2E && path[i] != 0x2F { i -= 1 }
        let length = path.count - i - 1
        guard i >= 0, path[i] == 0x2E, length <= 8, length > 0 else { return false }
        var word: UInt64 = 0
        for k in (i + 1)..<path.count {
            let c = path[k]
            word = word << 8 | UInt64((c >= 0x41 && c <= 0x5A) ? c | 0x20 : c)
        }
        return assetWords.contains(word)
    }
}

/// A file extension of up to 8 bytes packed into one word, as `isAsset` compares them.
func packedExtension(_ ext: String) -> UInt64? {
    let bytes = Array(ext.lowercased().utf8)
    guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
    return bytes.reduce(0) { $0 << 8 | UInt64($1) }
}

@inline(__always) func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var i = 0
    let n = bytes.count
    while i + 32 <= n {
        let w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) | bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
            | bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
        if w & 0x8080_8080_8080_8080 != 0 { return false }
        i += 32
    }
    while i + 8 <= n {
        if bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
        i += 8
    }
    while i < n {
        if bytes[i] & 0x80 != 0 { return false }
        i += 1
    }
    return true
}

func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var it = bytes.makeIterator()
    var decoder = UTF8()
    while true {
        switch decoder.decode(&it) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}
