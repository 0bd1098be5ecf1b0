"""Builds eval/probes/turns.jsonl: follow-ups, comparisons and false premises (EN + ZH).
Expected sets are computed from catalog YAML; values are formatted from the fields."""
import glob, json, yaml

C = {}
for f in glob.glob("catalog/models/*.yaml") + glob.glob("catalog/beyond/*.yaml"):
    d = yaml.safe_load(open(f)); d["_paper"] = "/models/" in f; C[d["id"]] = d

META = {"meta", "facebook", "meta ai", "facebook ai"}
def lab(d, name):
    n = name.lower()
    labs = [l.lower() for l in d["labs"]]
    if n == "meta": return any(l in META for l in labs)
    if n == "google": return any(l == "google" for l in labs)
    return any(n in l for l in labs)
def ids(pred): return sorted(i for i, d in C.items() if pred(d))

def size(i):
    m = C[i]["params"]["max_millions"]
    out = []
    if m >= 1000:
        b = m / 1000
        s = f"{b:g}"
        out += [f"{s}B", f"{s} billion", f"{s}-billion"]
        if b >= 1000: out += [f"{b/1000:g}T", f"{round(b/1000,1):g}T", f"{b/1000:g} trillion"]
    else:
        out += [f"{m:g}M", f"{m:g} million"]
    yi = m / 100
    out += [f"{yi:g}亿", f"{yi:g} 亿"]
    return out
MONTHS = "January February March April May June July August September October November December".split()
def date(i):
    y, mo = C[i]["date"].split("-"); mo = int(mo)
    return [f"{MONTHS[mo-1]} {y}", f"{MONTHS[mo-1][:3]} {y}", f"{y}-{mo:02d}", f"{y}年{mo}月", f"{y} 年 {mo} 月"]
def year(i): return [C[i]["date"][:4]]
def name(i): return [C[i]["name"]]
def arx(i): return [C[i]["paper"]["arxiv_id"]]

items = []
def add(cat, intent, q, hist=(), models=(), opt=(), values=(), arxiv=(), src=""):
    items.append(dict(id=f"tp-{len(items)+1:03d}", question=q, history=list(hist), intent=intent,
                      category=cat, expected_models=sorted(models), optional_models=sorted(opt),
                      expected_values=[list(v) for v in values], expected_arxiv=list(arxiv),
                      expected_keywords=[], abstain=False, source=src))

S = "follow-up-set"
# -- 1. follow-ups over a previous set --------------------------------------------------------
ms = lambda d: lab(d, "microsoft")
add(S, "list", "which of those are encoder-only?", ["list the Microsoft models"],
    ids(lambda d: ms(d) and d["architecture"] == "encoder"), src="lab Microsoft AND encoder")
dm = lambda d: any(l == "deepmind" for l in map(str.lower, d["labs"]))
add(S, "list", "and which of them are open source?", ["what models came out of DeepMind?"],
    ids(lambda d: dm(d) and d["license_class"] == "open"),
    opt=ids(lambda d: lab(d, "google deepmind") and d["license_class"] == "open"), src="lab DeepMind AND open")
add(S, "list", "which of these came from google?", ["which models are encoder-decoder?"],
    ids(lambda d: d["architecture"] == "encoder-decoder" and lab(d, "google")), src="enc-dec AND Google")
moe = lambda d: "mixture-of-experts" in d["traits"]
add(S, "list", "which of them is not from Google or DeepSeek?", ["show me the models with mixture of experts"],
    ids(lambda d: moe(d) and not lab(d, "google") and not lab(d, "deepseek")), src="MoE AND NOT (Google OR DeepSeek)")
add(S, "list", "of those, which ones were made by openai", ["what are the models that use RLHF?"],
    ids(lambda d: "rlhf" in d["objectives"] and lab(d, "openai")), src="rlhf AND OpenAI")
add(S, "list", "and what did Google release after the survey?", ["which models did Google release in the paper?"],
    ids(lambda d: not d["_paper"] and lab(d, "google")),
    opt=ids(lambda d: not d["_paper"] and lab(d, "google deepmind")), src="beyond AND Google (Google DeepMind optional)")
vis = lambda d: "vision" in d["domains"]
add(S, "list", "which of those aren't from google or meta?", ["list the vision models"],
    ids(lambda d: vis(d) and not lab(d, "google") and not lab(d, "meta") and not lab(d, "google deepmind")),
    src="domain vision AND NOT (Google OR Meta)")
add(S, "fact", "whats the second one's parameter count", ["tell me about GPT-J and GPT-Neo"],
    ["gpt-neo"], values=[size("gpt-neo")], src="second named = gpt-neo 2700M")
# zh
oa = lambda d: lab(d, "openai")
add(S, "list", "这些里面哪些是开源的？", ["列出 OpenAI 的模型"],
    ids(lambda d: oa(d) and d["license_class"] == "open"), src="OpenAI AND open")
add(S, "list", "其中哪些是只有编码器的？", ["哪些模型是 Google 发布的？"],
    ids(lambda d: lab(d, "google") and d["architecture"] == "encoder"), src="Google AND encoder")
add(S, "list", "其中哪些来自微软？", ["哪些模型用了 DPO？"],
    ids(lambda d: "dpo" in d["objectives"] and ms(d)), src="dpo AND Microsoft")
add(S, "fact", "第二个的许可证是什么？", ["介绍一下 Qwen2 和 Qwen3"],
    ["qwen3"], values=[["Apache"]], src="second named = qwen3, Apache-2.0")
add(S, "list", "其中哪些是混合专家模型", ["DeepSeek 出了哪些模型？"],
    ids(lambda d: lab(d, "deepseek") and moe(d)), src="DeepSeek AND MoE")
add(S, "list", "這些裡面哪些是 Google 的？", ["列出 2022 年发布的编码器-解码器模型"],
    ids(lambda d: d["date"].startswith("2022") and d["architecture"] == "encoder-decoder" and lab(d, "google")),
    src="2022 AND enc-dec AND Google")
child = lambda d: "llama" in (d.get("derived_from") or [])
add(S, "list", "其中哪些参数超过 100 亿？", ["哪些模型基于 LLaMA？"],
    ids(lambda d: child(d) and (d["params"]["max_millions"] or 0) > 10000),
    opt=["code-llama", "llava"], src="derived_from llama AND > 10B (grandchildren optional)")
add(S, "list", "那 Mistral AI 呢？", ["Anthropic 的模型有哪些"],
    ids(lambda d: lab(d, "mistral ai")), src="lab Mistral AI")
add(S, "list", "其中哪些比 Chinchilla 大？", ["哪些模型是 DeepMind 做的"],
    ids(lambda d: dm(d) and (d["params"]["max_millions"] or 0) > 70000), src="DeepMind AND > 70B")

P = "follow-up-subject"
# -- 2. follow-ups over previous subjects -----------------------------------------------------
add(P, "fact", "how big is it?", ["tell me about Falcon"], ["falcon"], values=[size("falcon")])
add(P, "citation", "and its paper?", ["who made Phi-3?"], ["phi-3"], arxiv=arx("phi-3"))
add(P, "compare", "how much bigger is it than llama 2?", ["what is Llama 3?"], ["llama-3", "llama-2"],
    values=[size("llama-3"), size("llama-2")], src="405B vs 70B")
add(P, "fact", "what did they use to align it", ["tell me about InstructGPT"], ["instructgpt"],
    values=[["RLHF", "reinforcement learning from human feedback"]])
add(P, "compare", "which of these two is more open?", ["license of LLaMA?", "and Mistral 7B?"],
    ["llama", "mistral-7b"], values=[name("mistral-7b"), ["Apache"]], src="mistral-7b Apache vs llama limited")
add(P, "fact", "and the PaLM one from the same paper?", ["who developed Flan-T5?"], ["flan-palm"],
    values=[["Google"]], src="flan-palm labs Google")
add(P, "fact", "Who made Chinchilla?", ["what's the licence of OPT?"], ["chinchilla"], values=[["DeepMind"]],
    src="new self-contained question")
add(P, "fact", "and what's the other one's license?", ["Which is bigger, GPT-J or GPT-Neo?"], ["gpt-neo"],
    values=[["MIT"]], src="other = gpt-neo, MIT")
# zh
add(P, "fact", "它有多少参数？", ["介绍一下 Mixtral 8x7B"], ["mixtral-8x7b"], values=[size("mixtral-8x7b")])
add(P, "citation", "那它的论文呢？", ["Gopher 是谁做的？"], ["gopher"], arxiv=arx("gopher"))
add(P, "compare", "比 DeepSeek-V2 大多少？", ["DeepSeek-V3 有多大？"], ["deepseek-v3", "deepseek-v2"],
    values=[size("deepseek-v3"), size("deepseek-v2")])
add(P, "fact", "它是用什么方法对齐的？", ["Sparrow 是什么？"], ["sparrow"],
    values=[["RLHF", "人类反馈", "reinforcement learning from human feedback"]])
add(P, "compare", "这两个哪个更开放？", ["Qwen 的许可证是什么？", "那 Qwen3 呢？"], ["qwen", "qwen3"],
    values=[name("qwen3"), ["Apache"]])
add(P, "fact", "那 CLIP 是什么时候发布的？", ["Whisper 是哪个实验室的？"], ["clip"], values=[date("clip")],
    src="new self-contained question")
add(P, "fact", "另一个是用什么许可证？", ["GPT-J 和 GPT-Neo 哪个大？"], ["gpt-neo"], values=[["MIT"]])
add(P, "compare", "这两个哪个参数多？", ["Falcon 是什么时候发布的？", "Yi 呢？"], ["falcon", "yi"],
    values=[name("falcon"), size("falcon")])
add(P, "lineage", "它是從哪個模型衍生的？", ["介紹一下 Gemma 3"], ["gemma-2"])
add(P, "fact", "它的架构是什么？", ["ViT 是谁提出的？"], ["vit"], values=[["encoder", "编码器"]])

K = "compare"
# -- 3. comparisons -----------------------------------------------------------------------------
add(K, "compare", "which has fewer parameters, Phi-4 or Mistral 7B?", (), ["phi-4", "mistral-7b"],
    values=[name("mistral-7b"), size("mistral-7b"), size("phi-4")])
add(K, "compare", "which came out first, T5 or BART?", (), ["t5", "bart"],
    values=[date("t5"), ["same", "both", "tie", "neither"]], src="both 2019-10: tie")
add(K, "compare", "do gopher and gophercite have the same number of params", (), ["gopher", "gophercite"],
    values=[size("gopher"), ["yes", "same", "both"]], src="both 280B")
add(K, "compare", "BLOOM or OPT, which has the more open licence?", (), ["bloom", "opt"], values=[name("bloom")])
add(K, "compare", "how many times bigger is PaLM than GPT-3", (), ["palm", "gpt-3"],
    values=[size("palm"), size("gpt-3")])
add(K, "compare", "Was RoBERTa released after XLNet?", (), ["roberta", "xlnet"],
    values=[["yes", "XLNet"], date("xlnet")], src="xlnet 2019-06 < roberta 2019-07")
add(K, "compare", "electra vs deberta, which one is smaller?", (), ["electra", "deberta"],
    values=[name("electra"), size("electra")])
add(K, "compare", "Which is biggest among Chinchilla, Gopher and Flamingo?", (), ["chinchilla", "gopher", "flamingo"],
    values=[name("gopher"), size("gopher")])
add(K, "compare", "are mistral 7b and zephyr the same size?", (), ["mistral-7b", "zephyr"],
    values=[size("zephyr"), ["yes", "same", "both"]])
# zh
add(K, "compare", "Qwen2 和 Llama 3 哪个参数少？", (), ["qwen2", "llama-3"], values=[name("qwen2"), size("qwen2")])
add(K, "compare", "GPT-2 和 BERT 谁先发布？", (), ["gpt-2", "bert"], values=[name("bert"), date("bert")])
add(K, "compare", "PaLM 比 Chinchilla 大几倍？", (), ["palm", "chinchilla"],
    values=[name("palm"), size("palm"), size("chinchilla")])
add(K, "compare", "Whisper 和 CLIP 是不是同一个实验室做的？", (), ["whisper", "clip"], values=[["OpenAI"]])
add(K, "compare", "T5 和 Flan-T5 的参数量一样吗？", (), ["t5", "flan-t5"], values=[size("t5")])
add(K, "compare", "Falcon 和 Llama 2 哪个许可证更开放？", (), ["falcon", "llama-2"], values=[name("falcon")])
add(K, "compare", "DeepSeek-R1 和 Qwen3 哪个更新？", (), ["deepseek-r1", "qwen3"], values=[name("qwen3"), date("qwen3")])
add(K, "compare", "GLaM 和 Switch 差多少参数？", (), ["glam", "switch"],
    values=[name("switch"), size("switch"), size("glam")])
add(K, "compare", "BERT、RoBERTa 和 ALBERT 哪个最小？", (), ["bert", "roberta", "albert"], values=[name("albert")])
add(K, "compare", "Gemma 2 和 Gemma 3 的參數一樣嗎？", (), ["gemma-2", "gemma-3"], values=[size("gemma-2")])
add(K, "compare", "Mixtral 比 Mistral 7B 大多少", (), ["mixtral-8x7b", "mistral-7b"],
    values=[size("mixtral-8x7b"), size("mistral-7b")])

F = "false-premise"
# -- 4. false premises ---------------------------------------------------------------------------
add(F, "fact", "phi-4 is 70B right? how does it compare to llama 2", (), ["phi-4", "llama-2"],
    values=[size("phi-4"), size("llama-2")])
add(F, "fact", "why is BERT bigger than GPT-3?", (), ["bert", "gpt-3"], values=[size("bert"), size("gpt-3")])
add(F, "fact", "Since Meta released Gemma, what license does it use?", (), ["gemma"],
    values=[["Google"], ["Gemma Terms", "Gemma"]])
add(F, "fact", "when did OpenAI open-source GPT-3?", (), ["gpt-3"], values=[["closed"]])
add(F, "fact", "how big is GPT-3's encoder, given it's an encoder-decoder?", (), ["gpt-3"],
    values=[["decoder"], size("gpt-3")])
add(F, "fact", "why did google release llama in 2021", (), ["llama"], values=[["Meta"], year("llama")])
add(F, "fact", "BLOOM was trained by EleutherAI in 2020, what's its corpus?", (), ["bloom"],
    values=[["BigScience"], year("bloom")])
add(F, "fact", "Mixtral is a dense 70B model - what's its license?", (), ["mixtral-8x7b"],
    values=[["mixture", "MoE"], size("mixtral-8x7b"), ["Apache"]])
# zh
add(F, "fact", "Google 的 GPT-3 是哪年发布的？", (), ["gpt-3"], values=[["OpenAI"], year("gpt-3")])
add(F, "fact", "为啥 RoBERTa 的参数比 GPT-3 还多？", (), ["roberta", "gpt-3"], values=[size("roberta"), size("gpt-3")])
add(F, "fact", "Whisper 是 Google 的语音模型，它是什么架构？", (), ["whisper"],
    values=[["OpenAI"], ["encoder-decoder", "编码器-解码器", "编码器—解码器"]])
add(F, "fact", "Llama 2 是 Apache 许可证吧？它有多大？", (), ["llama-2"],
    values=[["Community License", "Limited", "受限"], size("llama-2")])
add(F, "fact", "T5 是只有解码器的模型，它是哪年出的？", (), ["t5"],
    values=[["encoder-decoder", "编码器-解码器"], year("t5")])
add(F, "fact", "既然 Chinchilla 是 OpenAI 做的，它有多少参数？", (), ["chinchilla"],
    values=[["DeepMind"], size("chinchilla")])
add(F, "fact", "DeepSeek-R1 是 2023 年发布的對吧？", (), ["deepseek-r1"], values=[date("deepseek-r1")])
add(F, "fact", "Phi-3 是 Meta 的开源模型，它的许可证是什么？", (), ["phi-3"], values=[["Microsoft", "微软"], ["MIT"]])
add(F, "fact", "為什麼 CLIP 是閉源的？", (), ["clip"], values=[["MIT"], ["open", "开源", "開源", "开放"]])
add(F, "fact", "Mistral 7B 有 700 亿参数，它是哪个公司的？", (), ["mistral-7b"],
    values=[size("mistral-7b"), ["Mistral AI"]])

with open("eval/probes/turns.jsonl", "w") as f:
    for it in items: f.write(json.dumps(it, ensure_ascii=False) + "\n")
import collections; print(len(items), collections.Counter(i["category"] for i in items))
for it in items:
    if it["intent"] == "list": print(it["id"], it["expected_models"], it["optional_models"])
