using System.Text;

namespace Jixiao.Domain.Text;

/// <summary>
/// Traditional characters read as simplified, for tables published in traditional script or passed
/// through a converter (指標 → 指标, 滿意度 → 满意度, 萬元 → 万元), and the pinyin a broken converter inserts
/// after characters (<c>指標(biāo)</c>) removed. The table covers the characters of budget and performance
/// tables and the words around them; a character it does not know is kept as it is.
/// </summary>
public static class Traditional
{
    // Pairs of traditional and simplified characters, as data: each line one group, traditional first.
    private const string Pairs =
        "績绩 效效 標标 產产 數数 質质 時时 滿满 項项 萬万 財财 撥拨 資资 專专 戶户 預预 算算 單单 位位 " +
        "經经 濟济 會会 環环 態态 續续 響响 務务 對对 達达 於于 與与 並并 為为 個个 們们 來来 這这 " +
        "說说 關关 實实 現现 發发 開开 動动 門门 問问 題题 業业 學学 們们 醫医 療疗 衛卫 護护 險险 " +
        "養养 老老 員员 職职 務务 組组 織织 級级 區区 縣县 鎮镇 鄉乡 村村 貧贫 農农 糧粮 種种 補补 貼贴 " +
        "進进 樣样 書书 圖图 館馆 藝艺 體体 設设 備备 購购 買买 賣卖 費费 價价 錢钱 額额 總总 計计 " +
        "劃划 畫画 劃划 現现 狀状 況况 標标 準准 規规 範范 檢检 測测 驗验 評评 價价 審审 核核 報报 " +
        "告告 導导 彙汇 匯汇 編编 輯辑 檔档 類类 別别 優优 勢势 問问 衛卫 環环 綠绿 樹树 園园 場场 " +
        "廠厂 電电 網网 絡络 線线 據据 庫库 軟软 硬硬 雲云 號号 碼码 億亿 廣广 東东 華华 陽阳 陰阴 " +
        "龍龙 鳳凤 車车 輛辆 運运 輸输 鐵铁 橋桥 隨随 遠远 邊边 達达 選选 遞递 遲迟 適适 還还 過过 " +
        "節节 約约 紀纪 錄录 結结 構构 議议 論论 講讲 證证 讀读 課课 試试 誤误 請请 譜谱 變变 讓让 " +
        "認认 識识 訓训 練练 參参 與与 舉举 辦办 處处 理理 壓压 歲岁 齡龄 兒儿 殘残 疾疾 災灾 難难 " +
        "點点 數数 據据 維维 修修 歷历 史史 傳传 統统 承承 遺遗 產产 續续 紛纷 幣币 帳账 賬账 貸贷 " +
        "債债 稅税 費费 贈赠 獎奖 勵励 懲惩 職职 權权 責责 擔担 負负 約约 聯联 繫系 係系 檔档 幹干 " +
        "執执 專专 門门 處处 廳厅 鬥斗 衝冲 範范 圍围 質质 優优 惠惠 獲获 據据 擴扩 強强 聲声 響响 " +
        "帶带 兩两 條条 張张 筆笔 億亿 層层 樓楼 屆届 屬属 歸归 嚴严 極极 據据 盡尽 當当 應应 爭争 " +
        "為为 無无 觀观 視视 覺觉 規规 親亲 頭头 題题 顯显 類类 願愿 順顺 領领 預预 頁页 項项 須须 " +
        "風风 飛飞 飯饭 館馆 體体 驗验 險险 馬马 駐驻 髮发 魚鱼 鳥鸟 麥麦 黃黄 齊齐 齒齿 龜龟 " +
        "環环 現现 狀状 獨独 獻献 率率 甚甚 產产 畢毕 異异 當当 療疗 發发 盤盘 監监 確确 礎础 禮礼 " +
        "稱称 積积 穩稳 窮穷 競竞 筆笔 築筑 簡简 節节 範范 籌筹 紅红 純纯 細细 終终 絕绝 給给 統统 " +
        "經经 綜综 緊紧 線线 練练 縮缩 總总 績绩 繼继 續续 罰罚 義义 習习 聖圣 聽听 肅肃 脅胁 腦脑 " +
        "與与 舊旧 藥药 蘇苏 處处 號号 術术 衛卫 補补 製制 複复 見见 規规 視视 親亲 觀观 訂订 記记 " +
        "設设 許许 診诊 詢询 該该 詳详 語语 調调 談谈 質质 購购 賴赖 趨趋 跡迹 蹤踪 車车 軍军 較较 " +
        "載载 輔辅 轉转 農农 這这 連连 週周 進进 過过 運运 達达 違违 遠远 適适 選选 邊边 鄰邻 採采 " +
        "錯错 鍵键 長长 開开 閉闭 間间 閱阅 隊队 際际 險险 隱隐 雙双 雜杂 離离 電电 響响 預预 額额 " +
        "風风 養养 餘余 驅驱 體体 鬆松 黨党 齊齐 際际 滯滞 濟济 灣湾 灑洒 災灾 為为 烏乌 無无 營营 " +
        "愛爱 態态 慣惯 應应 懷怀 戰战 據据 擁拥 擇择 擊击 擬拟 攜携 敵敌 數数 斷断 於于 時时 晉晋 " +
        "書书 會会 條条 東东 極极 構构 標标 樣样 樂乐 機机 橫横 權权 歡欢 歲岁 歷历 殺杀 氣气 漢汉 " +
        "潛潜 測测 準准 溫温 滿满 萬万 葉叶 蓋盖 蘭兰 處处 虛虚 蟲虫 衝冲 裝装 複复 襲袭 覽览 訊讯 " +
        "計计 訴诉 診诊 誠诚 說说 誰谁 課课 論论 諾诺 謝谢 證证 警警 護护 變变 貝贝 負负 財财 貨货 " +
        "質质 費费 資资 賓宾 賽赛 贊赞 軟软 輕轻 輪轮 辦办 辭辞 遊游 鄉乡 醫医 釋释 鋪铺 錄录 鏡镜 " +
        "長长 門门 閃闪 關关 陸陆 陳陈 階阶 隨随 障障 雞鸡 難难 靜静 面面 韓韩 頂顶 項项 順顺 預预 " +
        "領领 頻频 題题 額额 顧顾 類类 顯显 飲饮 飽饱 餐餐 館馆 驗验 髮发 鬧闹 魯鲁 鮮鲜 麗丽 齡龄 " +
        "嗎吗 啟启 圓圆 團团 園园 圖图 塊块 壞坏 壯壮 處处 備备 夠够 夢梦 奮奋 婦妇 媽妈 孫孙 寬宽 " +
        "審审 寫写 寶宝 將将 專专 尋寻 導导 屬属 岡冈 島岛 嶺岭 巖岩 幫帮 幾几 廢废 廟庙 廬庐 彈弹 " +
        "徑径 從从 復复 徵征 德德 恆恒 惡恶 慶庆 憂忧 憑凭 憶忆 懇恳 戲戏 戶户 拋抛 掃扫 掛挂 換换 " +
        "損损 搶抢 擔担 據据 攝摄 敗败 敘叙 敬敬 斬斩 暫暂 曆历 曉晓 術术 殼壳 漁渔 滅灭 濱滨 燈灯 " +
        "燒烧 爐炉 牆墙 獅狮 現现 瑪玛 環环 瓊琼 甦苏 畫画 疊叠 盜盗 碩硕 禍祸 窗窗 競竞 範范 箏筝 " +
        "糾纠 紀纪 紋纹 納纳 紐纽 純纯 紙纸 級级 紛纷 素素 紫紫 累累 細细 紹绍 終终 組组 絆绊 結结 " +
        "絡络 絲丝 綁绑 綠绿 維维 綱纲 網网 緒绪 線线 締缔 編编 緩缓 縣县 縱纵 繁繁 織织 繕缮 繩绳 " +
        "罷罢 羅罗 聞闻 聯联 聰聪 職职 臨临 莊庄 華华 萊莱 葦苇 蔣蒋 蕭萧 薦荐 藍蓝 蘆芦 號号 蝦虾 " +
        "補补 裡里 賀贺 賃赁 賄贿 賢贤 賬账 賺赚 贏赢 趕赶 跡迹 踐践 車车 軌轨 軒轩 軸轴 輩辈 輯辑 " +
        "輸输 辯辩 農农 郵邮 鄭郑 醜丑 釣钓 鈔钞 鉛铅 銀银 銅铜 銷销 鋼钢 錦锦 鍋锅 鎖锁 鐘钟 鑑鉴 " +
        "閣阁 闊阔 陣阵 陰阴 陽阳 隻只 雖虽 雲云 霧雾 靈灵 響响 頃顷 頌颂 預预 頭头 顆颗 願愿 颱台 " +
        "飼饲 餅饼 駕驾 騎骑 騙骗 驗验 鬍胡 鵝鹅 鹽盐 麵面 黴霉 點点 龐庞 遠远 採采 崗岗 儲储 價价 " +
        "億亿 僅仅 傷伤 傭佣 優优 償偿 儀仪 偉伟 側侧 倉仓 個个 們们 來来 侶侣 係系 內内 兩两 冊册 " +
        "凍冻 劉刘 則则 剛刚 創创 劇剧 勁劲 務务 勝胜 勞劳 勢势 勳勋 區区 協协 卻却 厭厌 廳厅 參参 " +
        "叢丛 吳吴 呂吕 員员 問问 啞哑 喪丧 喬乔 單单 嚴严 嚮向 圍围 國国 圖图 塵尘 墊垫 壓压 壘垒 " +
        "壽寿 夥伙 奪夺 奧奥 妝妆 娛娱 學学 孿孪 宮宫 實实 寧宁 寢寝 對对 尷尴 屆届 屜屉 峽峡 幣币 " +
        "後后 幹干 廣广 廠厂 張张 強强 彎弯 彥彦 徹彻 悅悦 悶闷 惱恼 愜惬 慘惨 慮虑 憲宪 懶懒 懸悬 戀恋";

    private static readonly Dictionary<char, char> Map = Build();

    /// <summary>One bit per UTF-16 unit: set for the traditional characters of <see cref="Map"/>, so the common case costs a shift and a mask.</summary>
    private static readonly ulong[] Marked = BuildMarks();

    private static ulong[] BuildMarks()
    {
        var marks = new ulong[1024];
        foreach (var c in Map.Keys)
        {
            marks[c >> 6] |= 1UL << (c & 63);
        }

        return marks;
    }

    /// <summary>True when <paramref name="text"/> holds a traditional character this table knows, or pinyin in brackets after a character.</summary>
    public static bool Applies(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var marks = Marked;
        foreach (var c in text)
        {
            if ((marks[c >> 6] & (1UL << (c & 63))) != 0)
            {
                return true;
            }
        }

        return MayHavePinyin(text) && Pinyin(text) is { } stripped && stripped.Length != text.Length;
    }

    /// <summary>The text in simplified characters, without pinyin inserted after characters.</summary>
    public static string ToSimplified(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(Map.GetValueOrDefault(c, c));
        }

        return Pinyin(result.ToString()) ?? result.ToString();
    }

    /// <summary>The text without bracketed pinyin right after a Chinese character (<c>指标(biāo)</c> → <c>指标</c>), null when there is none.</summary>
    private static string? Pinyin(string text)
    {
        StringBuilder? result = null;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('(' or '（') || i == 0 || !IsHan(text[i - 1]))
            {
                continue;
            }

            var close = text.IndexOfAny([')', '）'], i + 1);
            if (close < 0 || close - i - 1 is < 1 or > 8 || !text.AsSpan(i + 1, close - i - 1).ToString().All(IsPinyinLetter))
            {
                continue;
            }

            result ??= new StringBuilder(text.Length);
            result.Append(text, start, i - start);
            start = close + 1;
            i = close;
        }

        return result?.Append(text, start, text.Length - start).ToString();
    }

    /// <summary>True when a bracket follows a Chinese character and opens on a lower-case letter: the only place pinyin can be.</summary>
    private static bool MayHavePinyin(string text)
    {
        var at = text.AsSpan().IndexOfAny('(', '（');
        while (at >= 0)
        {
            if (at > 0 && at + 1 < text.Length && IsHan(text[at - 1]) && IsPinyinLetter(text[at + 1]))
            {
                return true;
            }

            var next = text.AsSpan(at + 1).IndexOfAny('(', '（');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    /// <summary>A letter of pinyin with its tone marks, lower case (an abbreviation in brackets is upper case and stays).</summary>
    private static bool IsPinyinLetter(char c) => c is >= 'a' and <= 'z' || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".Contains(c, StringComparison.Ordinal);

    private static Dictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>();
        foreach (var pair in Pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.Length == 2 && pair[0] != pair[1])
            {
                map.TryAdd(pair[0], pair[1]);
            }
        }

        return map;
    }
}
